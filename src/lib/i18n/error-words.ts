// Refusals members meet (form action errors), in the page's language. Staff pages are English, so
// the same words read in English there.
import type { AdjustmentErrorKey } from '$lib/adjustments';
import type { ApplicationErrorKey } from '$lib/applications';
import type { BookingErrorKey } from '$lib/events';
import { m } from '$lib/paraglide/messages';

const APPLICATION: Record<ApplicationErrorKey, () => string> = {
	opportunity_closed: m.err_app_opportunity_closed,
	books_places: m.err_app_books_places,
	not_found: m.err_app_not_found,
	answers_missing: m.err_app_answers_missing,
	not_allowed: m.err_app_not_allowed,
	wrong_status: m.err_app_wrong_status,
	message_missing: m.err_app_message_missing,
	interview_missing: m.err_app_interview_missing
};

export const applicationErrorWords = (key: ApplicationErrorKey): string => APPLICATION[key]();

const CLAIM: Record<string, () => string> = {
	not_allowed: m.err_claim_not_allowed,
	not_found: m.err_claim_not_found,
	wrong_status: m.err_claim_wrong_status,
	not_yet: m.err_claim_not_yet,
	too_late: m.err_claim_too_late,
	no_lines: m.err_claim_no_lines,
	receipt_missing: m.err_claim_receipt_missing,
	fee_no_rate: m.err_claim_fee_no_rate,
	fee_needs_time: m.err_claim_fee_needs_time,
	fee_twice: m.err_claim_fee_twice,
	fee_already_claimed: m.err_claim_fee_already_claimed,
	fee_with_no_fee: m.err_claim_fee_with_no_fee,
	method_not_offered: m.err_claim_method_not_offered,
	bank_details_missing: m.err_claim_bank_details_missing,
	message_needed: m.err_claim_message_needed,
	nothing_to_pay: m.err_claim_nothing_to_pay,
	invalid_bank_details: m.err_claim_invalid_bank_details,
	too_many_codes: m.err_claim_too_many_codes,
	invalid_line: m.err_claim_invalid_line
};

/** A claim refusal's words (CLAIM_ERRORS in $lib/payments, in the page's language). */
export const claimErrorWords = (key: string): string => (CLAIM[key] ?? CLAIM.not_allowed!)();

const BOOKING: Record<BookingErrorKey, () => string> = {
	not_allowed: m.err_book_not_allowed,
	not_found: m.err_book_not_found,
	not_bookable: m.err_book_not_bookable,
	booking_closed: m.err_book_booking_closed,
	no_public_booking: m.err_book_no_public_booking,
	invalid_answers: m.err_book_invalid_answers,
	invalid_guest: m.err_book_invalid_guest,
	wrong_status: m.err_book_wrong_status,
	offer_expired: m.err_book_offer_expired,
	event_started: m.err_book_event_started
};

/** A booking refusal's words (BOOKING_ERRORS in $lib/events, in the page's language). */
export const bookingErrorWords = (key: BookingErrorKey): string => BOOKING[key]();

const ADJUSTMENT: Record<AdjustmentErrorKey, () => string> = {
	not_allowed: m.err_adj_not_allowed,
	not_found: m.err_adj_not_found,
	not_taking_part: m.err_adj_not_taking_part,
	meeting_past: m.err_adj_meeting_past,
	nothing_asked: m.err_adj_nothing_asked,
	invalid_items: m.err_adj_invalid_items,
	consent_needed: m.err_adj_consent_needed,
	not_shared: m.err_adj_not_shared,
	reason_needed: m.err_adj_reason_needed,
	alternative_needed: m.err_adj_alternative_needed,
	wrong_status: m.err_adj_wrong_status,
	what_needed: m.err_adj_what_needed,
	no_papers: m.err_adj_no_papers,
	invalid_cost: m.err_adj_invalid_cost
};

/** An adjustment refusal's words (ADJUSTMENT_ERRORS in $lib/adjustments, in the page's language). */
export const adjustmentErrorWords = (key: AdjustmentErrorKey): string => ADJUSTMENT[key]();
