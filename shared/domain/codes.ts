/** Code lists stored in the register; the renderer shows them as words via i18n (`codes.*`). */
export const GENDERS = ['M', 'F'] as const
export type Gender = (typeof GENDERS)[number]

export const EDUCATION_LEVELS = ['postgraduate', 'bachelor', 'college', 'secondary', 'junior'] as const
export type EducationLevel = (typeof EDUCATION_LEVELS)[number]

export const POLITICAL_STATUSES = ['cpc', 'cpcProbationary', 'cyl', 'democraticParty', 'masses'] as const
export type PoliticalStatus = (typeof POLITICAL_STATUSES)[number]

/** Unit categories from the grassroots union statistical report (单位性质类别). */
export const UNIT_CATEGORIES = ['110', '120', '130', '140', '150', '160', '170', '190', '200', '300', '400', '500', '600', '700'] as const
export type UnitCategory = (typeof UNIT_CATEGORIES)[number]
