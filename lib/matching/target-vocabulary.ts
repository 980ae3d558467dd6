/**
 * The words reports in French, Spanish, Portuguese, Hindi, Urdu and Arabic use for the people and
 * places attacks are aimed at, keyed by the English word the pack writes in an incident's `targets`
 * ("tourists" → "turistas", "पर्यटकों"): a target named in the article's own language counts as
 * the pack's. Only common targets are here; a target without an entry is looked for as written.
 */
import { foldText } from './normalise';

const TRANSLATIONS: Record<string, string[]> = {
  soldiers: [
    'soldats',
    'militaires',
    'soldados',
    'militares',
    'जवान',
    'जवानों',
    'सैनिक',
    'सैनिकों',
    'فوجی',
    'فوجیوں',
    'جنود',
    'جنديا',
  ],
  jawans: ['जवान', 'जवानों'],
  police: ['policiers', 'policía', 'policías', 'polícia', 'policiais', 'पुलिस', 'پولیس', 'الشرطة', 'شرطة'],
  'police officers': [
    'policiers',
    'policías',
    'policiais',
    'पुलिसकर्मी',
    'पुलिसकर्मियों',
    'پولیس اہلکار',
    'رجال الشرطة',
  ],
  tourists: ['touristes', 'turistas', 'पर्यटक', 'पर्यटकों', 'सैलानी', 'سیاح', 'سیاحوں', 'سياح', 'السياح'],
  foreigners: ['étrangers', 'extranjeros', 'estrangeiros', 'विदेशी', 'غیر ملکی', 'أجانب'],
  worshippers: ['fidèles', 'fieles', 'fiéis', 'नमाजी', 'श्रद्धालु', 'نمازی', 'نمازیوں', 'مصلين', 'المصلين'],
  mosque: ['mosquée', 'mezquita', 'mesquita', 'मस्जिद', 'مسجد'],
  church: ['église', 'iglesia', 'igreja', 'चर्च', 'गिरजाघर', 'گرجا', 'کلیسا', 'كنيسة'],
  churches: ['églises', 'iglesias', 'igrejas', 'चर्चों', 'گرجا گھروں', 'كنائس'],
  students: [
    'étudiants',
    'élèves',
    'estudiantes',
    'estudantes',
    'alumnos',
    'छात्र',
    'छात्रों',
    'طلبہ',
    'طلباء',
    'طلاب',
  ],
  university: ['université', 'universidad', 'universidade', 'विश्वविद्यालय', 'یونیورسٹی', 'جامعة'],
  school: ['école', 'escuela', 'colegio', 'escola', 'स्कूल', 'اسکول', 'سکول', 'مدرسة'],
  hospital: ['hôpital', 'hospital', 'अस्पताल', 'ہسپتال', 'اسپتال', 'مستشفى'],
  hotel: ['hôtel', 'hotel', 'होटल', 'ہوٹل', 'فندق'],
  hotels: ['hôtels', 'hoteles', 'hotéis', 'होटलों', 'ہوٹلوں', 'فنادق'],
  restaurant: ['restaurante', 'रेस्तरां', 'ریسٹورنٹ', 'مطعم'],
  museum: ['musée', 'museo', 'museu', 'संग्रहालय', 'میوزیم', 'متحف'],
  beach: ['plage', 'playa', 'praia', 'समुद्र तट', 'ساحل'],
  market: ['marché', 'mercado', 'बाजार', 'बाज़ार', 'بازار', 'سوق'],
  passengers: ['passagers', 'pasajeros', 'passageiros', 'यात्री', 'यात्रियों', 'مسافر', 'مسافروں', 'ركاب'],
  bus: ['autobus', 'autobús', 'ônibus', 'बस', 'بس', 'حافلة'],
  convoy: ['convoi', 'convoy', 'comboio', 'काफिले', 'काफिला', 'قافلے', 'قافلہ', 'قافلة'],
  civilians: ['civils', 'civiles', 'civis', 'नागरिक', 'नागरिकों', 'شہری', 'مدنيين'],
  crowd: ['foule', 'multitud', 'multidão', 'भीड़', 'ہجوم', 'حشد'],
  'army camp': [
    'camp militaire',
    'campamento militar',
    'सेना शिविर',
    'सैन्य शिविर',
    'आर्मी कैंप',
    'फौजी कैंप',
    'فوجی کیمپ',
  ],
  'air base': ['base aérienne', 'base aérea', 'एयरबेस', 'वायुसेना अड्डे', 'ایئر بیس', 'قاعدة جوية'],
  'police station': [
    'commissariat',
    'comisaría',
    'delegacia',
    'थाने',
    'थाना',
    'پولیس اسٹیشن',
    'تھانے',
    'مركز شرطة',
  ],
  nightclub: ['boîte de nuit', 'discoteca', 'नाइटक्लब', 'نائٹ کلب', 'ملهى ليلي'],
  schoolgirls: ['écolières', 'colegialas', 'estudantes', 'छात्राओं', 'طالبات'],
};

const byFolded = new Map(Object.entries(TRANSLATIONS).map(([key, words]) => [foldText(key), words]));

/** The ways an article may write a target of the pack: the pack's own words, then its translations. */
export function targetForms(target: string): readonly string[] {
  const translations = byFolded.get(foldText(target));
  return translations ? [target, ...translations] : [target];
}
