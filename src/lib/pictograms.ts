/** The pictures that can sit beside an easy-read point. Files are in static/pictograms (OpenMoji, CC BY-SA 4.0). */
export const PICTOGRAMS = {
	meeting: 'People in a meeting',
	group: 'A group of people',
	person: 'A person',
	calendar: 'Calendar',
	clock: 'Clock',
	money: 'A pound note',
	location: 'A map pin',
	online: 'A laptop computer',
	phone: 'A mobile phone',
	email: 'An email',
	home: 'A house',
	train: 'A train',
	bus: 'A bus',
	taxi: 'A taxi',
	car: 'A car',
	wheelchair: 'Wheelchair sign',
	hearing: 'An ear',
	sight: 'An eye',
	talk: 'A speech bubble',
	writing: 'Writing on paper',
	reading: 'An open book',
	question: 'Question mark',
	tick: 'A tick',
	idea: 'A light bulb',
	handshake: 'Shaking hands',
	help: 'A raised hand',
	star: 'A star',
	food: 'A plate, knife and fork',
	drink: 'A hot drink',
	training: 'A graduation cap',
	speaking: 'A microphone',
	document: 'A document',
	vote: 'A ballot box',
	care: 'Caring hands',
	steering: 'A compass',
	clipboard: 'A clipboard',
	interview: 'Two people talking',
	certificate: 'A certificate scroll',
	break: 'An armchair',
	travel: 'A suitcase',
	'accessible-toilet': 'A toilet',
	quiet: 'Shh, be quiet',
	dog: 'A guide dog',
	papers: 'A pile of papers',
	link: 'A link',
	welsh: 'The Welsh flag'
} as const;

export type PictogramKey = keyof typeof PICTOGRAMS;

export const PICTOGRAM_KEYS = Object.keys(PICTOGRAMS) as PictogramKey[];

export function isPictogramKey(value: unknown): value is PictogramKey {
	return typeof value === 'string' && Object.hasOwn(PICTOGRAMS, value);
}

export function pictogramUrl(key: PictogramKey): string {
	return `/pictograms/${key}.svg`;
}
