import * as v from 'valibot';
import { isPictogramKey } from '../pictograms';
import {
	LOCATION_TYPES,
	OPPORTUNITY_TYPES,
	TOPICS,
	type EasyReadPoint,
	type Opportunity
} from '../opportunities';
import { formValues, list, optionalText, parse, text } from './form';
import { MATCH_EXPERIENCE, MATCH_SKILLS } from '../matching';

export const MAX_EASY_READ_POINTS = 20;

/** One of a fixed set of options (radios), with a plain message when none is chosen. */
const choice = <T extends Record<string, string>>(options: T, message: string) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.check((s) => Object.hasOwn(options, s), message),
		v.transform((s) => s as keyof T & string)
	);

/** YYYY-MM-DD that names a day on the calendar (not 30 February). */
export function isRealDate(s: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const isoDate = (label: string) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.check((s) => s === '' || isRealDate(s), `Enter ${label} as a real date, like 2027-03-27`),
		v.transform((s) => (s === '' ? null : s))
	);

const easyReadPoints = (which: '' | 'Welsh ') =>
	v.pipe(
		v.array(v.object({ text: v.string(), pictogram: v.nullable(v.string()) })),
		v.maxLength(MAX_EASY_READ_POINTS, `Use ${MAX_EASY_READ_POINTS} ${which}easy read points or fewer`),
		v.check(
			(points) => points.every((p) => p.text.length <= 300),
			`Each ${which}easy read point must be 300 characters or fewer`
		),
		v.check(
			(points) => points.every((p) => p.pictogram === null || isPictogramKey(p.pictogram)),
			'Choose a picture from the list'
		),
		v.transform((points) => points as EasyReadPoint[])
	);

export const opportunitySchema = v.pipe(
	v.object({
		type: choice(OPPORTUNITY_TYPES, 'Choose what kind of opportunity this is'),
		title: text('a title', { min: 3, max: 120 }),
		summary: text('a short summary', { min: 10, max: 300 }),
		description: v.pipe(
			v.optional(v.string(), ''),
			v.trim(),
			v.maxLength(10000, 'The full description must be 10,000 characters or fewer')
		),
		easy_read: easyReadPoints(''),
		// The Welsh version: all optional; members reading in Welsh see the English where it is empty.
		title_cy: v.pipe(
			optionalText('the Welsh title', { max: 120 }),
			v.check((s) => s === null || s.length >= 3, 'The Welsh title must be 3 characters or more')
		),
		summary_cy: v.pipe(
			optionalText('the Welsh summary', { max: 300 }),
			v.check((s) => s === null || s.length >= 10, 'The Welsh summary must be 10 characters or more')
		),
		description_cy: v.pipe(
			v.optional(v.string(), ''),
			v.trim(),
			v.maxLength(10000, 'The Welsh description must be 10,000 characters or fewer')
		),
		easy_read_cy: v.optional(easyReadPoints('Welsh '), []),
		location_type: choice(LOCATION_TYPES, 'Choose where it happens'),
		location: optionalText('the address or joining details', { max: 300 }),
		starts_on: isoDate('the start date'),
		ends_on: isoDate('the end date'),
		schedule: optionalText('the dates or sessions', { max: 300 }),
		time_commitment: optionalText('the time it takes', { max: 200 }),
		payment: optionalText('the payment offered', { max: 200 }),
		closes_on: isoDate('the closing date'),
		places: v.pipe(
			v.optional(v.string(), ''),
			v.trim(),
			v.check(
				(s) => s === '' || (/^\d+$/.test(s) && Number(s) >= 1 && Number(s) <= 1000),
				'Enter the number of places as a whole number from 1 to 1000'
			),
			v.transform((s) => (s === '' ? null : Number(s)))
		),
		topics: v.optional(
			v.pipe(v.unknown(), v.transform(list), v.array(v.picklist([...TOPICS], 'Choose topics from the list'))),
			[]
		),
		// What it looks for, for matching members (optional).
		looks_for_skills: v.optional(
			v.pipe(
				v.unknown(),
				v.transform(list),
				v.array(v.picklist(Object.keys(MATCH_SKILLS), 'Choose skills from the list'))
			),
			[]
		),
		looks_for_experience: v.optional(
			v.pipe(
				v.unknown(),
				v.transform(list),
				v.array(v.picklist(Object.keys(MATCH_EXPERIENCE), 'Choose lived experience from the list'))
			),
			[]
		)
	}),
	v.forward(
		v.check(
			(o) => !o.starts_on || !o.ends_on || o.ends_on >= o.starts_on,
			'The end date must be the same as or after the start date'
		),
		['ends_on']
	),
	v.forward(
		v.check(
			(o) => o.location_type === 'online' || !!o.location,
			'Enter the address, so members know where to go'
		),
		['location']
	)
);

export type OpportunityInput = v.InferOutput<typeof opportunitySchema>;

/**
 * Publishing asks for more than a draft does: a closing date to come. (Publishing without an easy
 * read version is allowed after a warning: see needsEasyReadWarning.)
 */
export function publishProblems(o: { closes_on: string | null }, today: string): Record<string, string> {
	const problems: Record<string, string> = {};
	if (!o.closes_on) problems.closes_on = 'Enter a closing date before publishing';
	else if (o.closes_on < today) problems.closes_on = 'The closing date must be today or in the future';
	return problems;
}

/** Publishing with no easy read points asks staff to confirm (the field no_easy_read=yes) first. */
export function needsEasyReadWarning(o: { easy_read: readonly unknown[] }, form: FormData): boolean {
	return o.easy_read.length === 0 && form.get('no_easy_read') !== 'yes';
}

/**
 * Reads the numbered easy-read rows of the form (easy_read_text_0, easy_read_pictogram_0, …, or
 * easy_read_cy_text_0 … for the Welsh version); empty rows are dropped.
 */
export function easyReadFromForm(
	form: FormData,
	prefix: 'easy_read' | 'easy_read_cy' = 'easy_read'
): { text: string; pictogram: string | null }[] {
	const points: { text: string; pictogram: string | null }[] = [];
	for (let i = 0; i < MAX_EASY_READ_POINTS + 5; i++) {
		const raw = form.get(`${prefix}_text_${i}`);
		if (raw === null) continue;
		const pointText = String(raw).trim().replace(/\s+/g, ' ');
		const pictogram = String(form.get(`${prefix}_pictogram_${i}`) ?? '').trim();
		if (pointText === '') continue;
		points.push({ text: pointText, pictogram: pictogram === '' ? null : pictogram });
	}
	return points;
}

export type FormRecord = Record<string, string | string[]>;

/** Checks a submitted opportunity form; on failure returns the values as typed, so nothing is lost. */
export function parseOpportunityForm(form: FormData) {
	const values = formValues(form);
	const input = {
		...values,
		easy_read: easyReadFromForm(form),
		easy_read_cy: easyReadFromForm(form, 'easy_read_cy')
	};
	return parse(opportunitySchema, input, values);
}

/** The form's fields for an existing opportunity (the same shape as a submitted form). */
export function opportunityToValues(o: Opportunity, closesOn: string): FormRecord {
	const values: FormRecord = {
		type: o.type,
		title: o.title,
		summary: o.summary,
		description: o.description,
		location_type: o.location_type,
		location: o.location ?? '',
		starts_on: o.starts_on ?? '',
		ends_on: o.ends_on ?? '',
		schedule: o.schedule ?? '',
		time_commitment: o.time_commitment ?? '',
		payment: o.payment ?? '',
		closes_on: closesOn,
		places: o.places === null ? '' : String(o.places),
		topics: o.topics,
		looks_for_skills: o.looks_for_skills ?? [],
		looks_for_experience: o.looks_for_experience ?? [],
		title_cy: o.title_cy ?? '',
		summary_cy: o.summary_cy ?? '',
		description_cy: o.description_cy ?? ''
	};
	(o.easy_read_cy ?? []).forEach((p, i) => {
		values[`easy_read_cy_text_${i}`] = p.text;
		values[`easy_read_cy_pictogram_${i}`] = p.pictogram ?? '';
	});
	o.easy_read.forEach((p, i) => {
		values[`easy_read_text_${i}`] = p.text;
		values[`easy_read_pictogram_${i}`] = p.pictogram ?? '';
	});
	return values;
}
