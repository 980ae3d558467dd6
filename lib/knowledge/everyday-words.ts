// Words a pack may not use as a bare alias (lib/knowledge/alias-hygiene.ts): English stop words and about a thousand everyday words, written for ClaimLens.

/** Function words: pronouns, articles, prepositions, conjunctions, auxiliaries, quantifiers. */
export const STOP_WORDS: ReadonlySet<string> = words(`
a about above across after again against all almost alone along already also although always am among an
and another any anybody anyone anything anywhere are around as at be because been before behind being
below beneath beside besides between beyond both but by can cannot could did do does doing done down
during each either else enough even ever every everybody everyone everything everywhere few for from
further had has have having he her here hers herself him himself his how however i if in inside into is
it its itself just least less many me might mine more most much must my myself neither never
nevertheless next no nobody none nor not nothing now nowhere of off often on once one only onto or other
others otherwise our ours ourselves out outside over own per perhaps rather same shall she should since
so some somebody someone something sometimes somewhere still such than that the their theirs them
themselves then there therefore these they this those though through throughout thus till to together
too toward towards under underneath unless until up upon us very via was we well were what whatever when
whenever where wherever whether which while who whoever whole whom whose why will with within without
would yet you your yours yourself yourselves
`);

/**
 * Everyday English words, news vocabulary above all (police, army, attack, claim, front, state…): on a
 * news page each is everywhere, so as a bare alias each would mark a page hundreds of times.
 */
export const EVERYDAY_WORDS: ReadonlySet<string> = words(`
ability able absence accept access accident according account accused act action active activity
actually add added address admit adult advance advice affair affect afraid afternoon age agency agent
ago agree agreement ahead aid aim air airport alive allow ally amount analysis anger angry animal
announce annual answer anyway apart appeal appear application apply approach area argue argument arm
armed armies army arrest arrival arrive art article artist ask attack attacked attacks attempt attend
attention authority available avoid award aware away baby back bad bag balance ball ban bank bar base
based basic basis battle bear beat beautiful became become bed began begin beginning behaviour believe
bell belong benefit best better big bill bird birth bit black blame blood blow blue board boat body bomb
bombing bond book border born borrow boss bottle bottom box boy brain branch brave bread break breath
bridge brief bright bring broad broken brother brought brown budget build building built burn bus
business busy buy cabinet call called calm came camp campaign candidate capital car card care career
careful carry case cash cast cat catch caught cause cell center central centre century certain chair
chairman challenge champion chance change chapter charge cheap check chief child children choice choose
church circle citizen city civil claim claimed claims class clean clear clearly climb clock close closed
cloud club coast code coffee cold collect college color colour come comment commission committee common
community company compare complete computer concern condition conference conflict congress consider
contact continue control cook cool copy corner correct cost council count country couple course court
cover crash create crime crisis critic cross crowd cry culture cup current custom customer cut daily
damage dance danger dangerous dark data date daughter day dead deal dear death debate decade decide
decision deep defence defense degree delay deliver demand deny department depend deputy describe design
desk detail develop development die died difference different difficult dinner direct direction director
dirty discuss discussion disease district divide doctor dog dollar door double doubt draw dream dress
drink drive driver drop drug dry due early earn earth east easy eat economic economy edge education
effect effort eight election employee empty end enemy energy enjoy enter entire environment equal escape
especially estate evening event evidence exactly example except exchange executive exercise exist expect
experience expert explain explosion express extra eye face fact factor factory fail failure fair faith
fall false family famous far farm fast father fear feature feel feeling fell field fight fighter
fighters fighting figure file fill film final finally finance find fine finger finish fire firm first
fish five fix flag flat flight floor fly focus follow food foot force forces foreign forest forget form
former forward found four free freedom fresh friend front fruit fuel full fun fund future gain game
garden gas gate gather gave general generation get gift girl give given glass go goal god gold gone good
government great green ground group grow growth guard guess gun guy hair half hall hand handle hang
happen happy hard head health hear heard heart heat heavy held hell help high hill history hit hold hole
holy home hope horse hospital host hot hotel hour house huge human hundred hunt hurt husband idea
identify image imagine impact important improve include increase indeed independent industry information
injured inquiry interest international interview investigation involve island issue item job join joint
journey judge jump justice keep key kid kill killed killing kind king kitchen knew know knowledge labour
lack lady lake land language large last late later laugh launch law lawyer lay lead leader leadership
league learn leave led left leg legal length letter level liberation lie life light like likely limit
line link list listen little live local long look lord lose loss lost lot love low luck lunch machine
made main maintain major majority make man manage manager march mark market marriage married master
match material matter may maybe mayor mean measure media meet meeting member memory men mention message
method middle military million mind minister minute miss mission model modern moment money month morning
mother mountain mouth move movement mr mrs ms murder music name nation national natural nature near
nearly necessary need network new news newspaper nice night nine north note notice number nurse object
obvious occur offer office officer official officials oil ok old open operation opinion opposition order
organisation organization original page pain paper parent park part party pass past path patient pay
peace people period person phone pick picture piece place plan plane plant play player please plenty
point police policy political politics poor popular population position positive possible post pound
power powerful practice prepare present president press pressure pretty prevent price prime prison
private probably problem process produce product program programme project promise protect protest prove
provide public pull purpose push put quality question quick quickly quiet race radio rain raise range
rate reach read ready real realise reality reason receive recent record red reduce reform refuse region
relation release remain remember remove report reported reports represent republic require research
resistance resource respect response rest result return revolution rich ride right ring rise risk river
road rock role room rose round rule run safe safety said sale save saw say scene school science sea
search season seat second secret secretary section security see seek seem seen sell send senior sense
series serious serve service set settle seven several shake shape share sharp ship shoot shop short shot
show side sign signal simple single sister sit site situation six size skill skin sky sleep small smile
snow social society soldier son song soon sorry sort sound source south space speak special speech spend
spirit spokesman sport spring square staff stage stand standard star start state statement station stay
step stone stop store story street strength strike strong student study stuff style subject success
suddenly suffer suggest summer sun support supporter suppose sure surface survey suspect system table
take taken talk task tax tea teach teacher team tell ten term terms test thank thing think third thought
thousand threat three throw ticket time tiny title today told tomorrow tonight took top total touch
tough town track trade traffic train travel treat tree trial trip trouble truck true trust truth try
turn twenty two type union unit united unity university upper urban use used useful usual value van
various victim victims view village violence visit voice vote wage wait walk wall want war warm warning
wash watch water way weapon weapons wear weather week weight west white wide wife win wind window wing
winter wish woman women wonder wood word work worker world worry worse worst write writer wrong year
yellow yes yesterday young youth
`);

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}
