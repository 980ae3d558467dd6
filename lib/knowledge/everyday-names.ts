/**
 * Words the pack linter treats as too ordinary to be matched as a name without a flag: everyday
 * English words that also occur in names, common given names and common surnames (folded: lower
 * case, no accents). Data only; kept short on purpose. Add a word when a pack's alias made a false
 * mark with it, not to silence a finding.
 */

/** Everyday English words that names are often made of ("Nice", "Crisis Group", "Revolutionary Guards"). */
export const EVERYDAY_WORDS: ReadonlySet<string> = new Set(
  `a an the of and in on at to for by with from or
  nice grand great good bad big small little old new young holy royal free united national popular
  revolutionary democratic liberation people peoples public general central upper lower high low
  north south east west northern southern eastern western first second third last final true pure
  just fair brave bright happy lucky golden silver red black white green blue brown grey gray
  crisis group groups guard guards army front party movement council force forces squad unit team
  tigers tiger lions lion eagles eagle wolves wolf hawks hawk falcons falcon panthers leopards
  freedom justice peace victory hope faith glory unity light dawn star stars sun moon sky sea
  river lake hill hills mountain mountains valley park garden gate bridge tower square market
  station camp city town village house home school college church temple court hall club
  spring summer winter autumn fall day night morning evening
  january february march april may june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday easter christmas
  will can must shall might well still even art rock mark bill pat rose sterling
  chance fortune bliss joy grace honor honour noble valor valour pride rising storm thunder
  lightning sword shield flame fire blood iron steel stone`.split(/\s+/),
);

/** Words that name an event rather than a place or party ("attack", "bombing"): an alias made of them and everyday words is everyday. */
export const EVENT_WORDS: ReadonlySet<string> = new Set(
  `attack attacks bombing bombings blast blasts bomb explosion shooting shootings shootout massacre
  ambush siege encounter gunfight killing killings murder murders kidnapping abduction crash hijacking
  raid assault strike strikes incident riot riots arson stabbing standoff carnage tragedy`.split(/\s+/),
);

/** Common given names across the regions the pack covers (South Asia, the Middle East, Africa, Europe, the Americas). */
export const GIVEN_NAMES: ReadonlySet<string> = new Set(
  `muhammad mohammad mohammed mohamed mohamad ahmad ahmed ali hassan hasan hussain hussein husain
  imran omar umar usman osman uthman abdullah abdul bilal faisal farooq farhan hamza haris ibrahim
  ismail junaid kamran khalid mahmood mahmoud mustafa mostafa nadeem naveed rashid rizwan saad salman
  shahid tariq waqas yasin yusuf yousuf yousef youssef zubair zaid zahid amir aamir asif arif adil
  aslam akbar ayesha aisha fatima zainab sana noor nur maryam mariam hina gulshan gul rahim karim
  majeed majid munir nasir naseer qasim sajid shakeel shoaib sohail talha wasim zafar zia mansoor
  mansour ehsan irfan javed jawad kashif latif mujahid musa moosa isa esa yahya yunus younis ilyas
  idris hamid habib jamil jamal kamal nabil samir tarek walid anwar aziz bashir hafiz ghulam
  rahul raj ravi amit anil sunil sanjay vijay ajay rakesh ramesh suresh mahesh dinesh rajesh mukesh
  naresh deepak manoj vinod ashok arun kiran anand gopal krishna ram shyam mohan prakash vikram
  vikas rohit sachin sandeep pradeep gurpreet harpreet manpreet jaswinder baljit priya pooja neha
  anita sunita geeta sita lakshmi kavita
  john james david michael peter paul george william thomas robert richard joseph daniel jack
  harry charles henry frank joe tom sam max alex ben nick adam eve hope faith joy rose lily daisy
  rita maria mary anna anne elizabeth sophie emma olivia victoria diana uri ariel moshe ivan igor
  sergei olga isis kofi kwame amina`.split(/\s+/),
);

/** Common surnames: with a given name they make a name many people share ("Imran Khan"). */
export const SURNAMES: ReadonlySet<string> = new Set(
  `khan singh kumar sharma shah malik sheikh shaikh qureshi chaudhry chaudhary butt dar mir bhat
  lone wani patel gupta das roy mali rahman uddin hossain begum akter miah sarkar mondal
  smith jones brown williams johnson lee kim nguyen garcia martin`.split(/\s+/),
);
