// Words shared by members' and staff pages about the network: regions and lived experience.

/** Lived experience members can choose from (their words; shown on their profile). */
export const LIVED_EXPERIENCE = [
	'disabled person',
	'carer',
	'mental health',
	'learning disability',
	'autism',
	'sensory impairment',
	'long-term condition',
	'older person',
	'young person',
	'homelessness'
] as const;

export const REGIONS = [
	'North East',
	'North West',
	'Yorkshire and the Humber',
	'East Midlands',
	'West Midlands',
	'East of England',
	'London',
	'South East',
	'South West',
	'Wales',
	'Scotland',
	'Northern Ireland'
] as const;
