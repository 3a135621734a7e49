// Access needs in the page's language: the categories, their choices and a need in plain words.
// The English is as in $lib/adjustments (staff pages use that directly).
import {
	describeItem,
	overallStatus,
	type AccessOption,
	type AdjustmentItem,
	type Category,
	type NeedItem,
	type NumberField
} from '$lib/adjustments';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

// Each message is named here, not looked up by a made-up key, so a page's code carries only the
// messages it uses (the build cannot tell which messages a key built at run time may need).
const CATEGORY: Record<Category, () => string> = {
	travel: m.need_cat_travel,
	overnight: m.need_cat_overnight,
	assistant: m.need_cat_assistant,
	dog: m.need_cat_dog,
	papers: m.need_cat_papers,
	communication: m.need_cat_communication,
	meeting: m.need_cat_meeting,
	online: m.need_cat_online,
	other: m.need_cat_other
};

const QUESTION: Partial<Record<Category, () => string>> = {
	travel: m.need_cat_travel_q,
	overnight: m.need_cat_overnight_q,
	assistant: m.need_cat_assistant_q,
	dog: m.need_cat_dog_q,
	papers: m.need_cat_papers_q,
	communication: m.need_cat_communication_q,
	meeting: m.need_cat_meeting_q,
	online: m.need_cat_online_q
};

const HINT: Partial<Record<Category, () => string>> = {
	travel: m.need_cat_travel_hint,
	overnight: m.need_cat_overnight_hint,
	assistant: m.need_cat_assistant_hint,
	dog: m.need_cat_dog_hint,
	papers: m.need_cat_papers_hint,
	communication: m.need_cat_communication_hint,
	meeting: m.need_cat_meeting_hint,
	online: m.need_cat_online_hint,
	other: m.need_cat_other_hint
};

const OPTION: Record<AccessOption, () => string> = {
	taxi: m.need_opt_taxi,
	parking: m.need_opt_parking,
	accessible_transport: m.need_opt_accessible_transport,
	travel_companion: m.need_opt_travel_companion,
	stay_night_before: m.need_opt_stay_night_before,
	accessible_room: m.need_opt_accessible_room,
	room_for_assistant: m.need_opt_room_for_assistant,
	personal_assistant: m.need_opt_personal_assistant,
	carer: m.need_opt_carer,
	assistant_costs: m.need_opt_assistant_costs,
	assistance_dog: m.need_opt_assistance_dog,
	support_dog: m.need_opt_support_dog,
	easy_read: m.need_opt_easy_read,
	large_print: m.need_opt_large_print,
	braille: m.need_opt_braille,
	audio: m.need_opt_audio,
	electronic: m.need_opt_electronic,
	printed: m.need_opt_printed,
	bsl_interpreter: m.need_opt_bsl_interpreter,
	lipspeaker: m.need_opt_lipspeaker,
	speech_to_text: m.need_opt_speech_to_text,
	captions: m.need_opt_captions,
	hearing_loop: m.need_opt_hearing_loop,
	breaks: m.need_opt_breaks,
	quiet_room: m.need_opt_quiet_room,
	step_free: m.need_opt_step_free,
	accessible_toilet: m.need_opt_accessible_toilet,
	food_and_drink: m.need_opt_food_and_drink,
	seating: m.need_opt_seating,
	phone_instead_of_video: m.need_opt_phone_instead_of_video,
	camera_off: m.need_opt_camera_off,
	online_captions: m.need_opt_online_captions
};

const NUMBER: Record<NumberField, () => string> = {
	large_print_size: m.need_num_large_print_size,
	papers_days_before: m.need_num_papers_days_before,
	break_every_minutes: m.need_num_break_every_minutes,
	break_minutes: m.need_num_break_minutes
};

export const categoryWords = (c: Category): string => CATEGORY[c]?.() ?? c;
export const categoryQuestion = (c: Category): string => QUESTION[c]?.() ?? '';
export const categoryHint = (c: Category): string => HINT[c]?.() ?? '';
export const optionWords = (o: AccessOption): string => OPTION[o]?.() ?? o;
export const numberLabel = (f: NumberField): string => NUMBER[f]?.() ?? f;

function minutesWords(n: number): string {
	if (n === 60) return m.need_time_hour();
	if (n % 60 === 0) return m.need_time_hours({ count: n / 60 });
	return m.need_time_minutes({ count: n });
}

/** As describeItem in $lib/adjustments, in the page's language. The member's own note stays as written. */
export function describeItemWords(item: NeedItem): string[] {
	if (getLocale() !== 'cy') return describeItem(item);
	const lines: string[] = [];
	if (item.options.length) lines.push(item.options.map(optionWords).join(', '));
	if (item.large_print_size) lines.push(m.need_line_large_print({ size: item.large_print_size }));
	if (item.papers_days_before) lines.push(m.need_line_papers_days({ days: item.papers_days_before }));
	if (item.break_every_minutes || item.break_minutes) {
		const every = item.break_every_minutes
			? m.need_line_every({ time: minutesWords(item.break_every_minutes) })
			: '';
		const long = item.break_minutes ? m.need_line_for({ time: minutesWords(item.break_minutes) }) : '';
		lines.push([m.need_line_break(), every, long].filter(Boolean).join(' '));
	}
	if (item.note) lines.push(item.note);
	return lines;
}

/** As overallStatus in $lib/adjustments, in the page's language. */
export function overallStatusWords(items: Pick<AdjustmentItem, 'status'>[]): {
	label: string;
	tone: 'grey' | 'blue' | 'green' | 'yellow' | 'red';
} {
	const { tone } = overallStatus(items);
	const label = {
		grey: m.adjs_overall_nothing,
		blue: m.adjs_overall_waiting,
		green: m.adjs_overall_arranged,
		red: m.adjs_overall_not_possible,
		yellow: m.adjs_overall_answered
	}[tone]();
	return { label, tone };
}
