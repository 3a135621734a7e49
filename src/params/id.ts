import type { ParamMatcher } from '@sveltejs/kit';

/** A record number in an address: a positive whole number, so anything else is "page not found". */
export const match: ParamMatcher = (param) => /^[1-9]\d{0,14}$/.test(param);
