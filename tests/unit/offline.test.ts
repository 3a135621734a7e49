import { describe, it, expect } from 'vitest';
import { stringify } from 'devalue';
import {
	isOtherPersonsCache,
	isOutdatedCache,
	keepable,
	markSaved,
	pageRule,
	pagesCacheName,
	savedWords
} from '$lib/offline/rules';
import { outcomeOf, retryDelay } from '$lib/offline/outcome';

const ORIGIN = 'https://together.example.org';
const rule = (path: string) => pageRule(new URL(path, ORIGIN), ORIGIN);

describe('which pages are kept on the phone', () => {
	it('keeps public pages for anyone and member pages for the member', () => {
		expect(rule('/opportunities')).toBe('public');
		expect(rule('/opportunities/12')).toBe('public');
		expect(rule('/my')).toBe('member');
		expect(rule('/my/applications/4')).toBe('member');
		expect(rule('/my/adjustments/9')).toBe('member');
		expect(rule('/my/claims/7')).toBe('member');
		expect(rule('/my/claims/7/check')).toBe('member');
		expect(rule('/opportunities/12/apply/check')).toBe('member');
		expect(rule('/my/waiting')).toBe('member');
	});

	it('never keeps staff pages, signing in or out, private files, or addresses with a query', () => {
		for (const path of [
			'/admin',
			'/admin/claims/3',
			'/sign-in',
			'/sign-out',
			'/dev/mailbox',
			'/uploads/abc',
			'/my/profile',
			'/my/access-needs',
			'/my/claims/bank-details',
			'/my/claims/7?cost',
			'/opportunities?type=writing',
			'/opportunities/12/apply/done'
		])
			expect(rule(path), path).toBe('never');
		expect(pageRule(new URL('https://elsewhere.example.com/opportunities'), ORIGIN)).toBe('never');
	});

	it('keeps each person apart, and removes old versions and other people', () => {
		expect(pagesCacheName('a1')).toBe('together-pages-v1-a1');
		expect(pagesCacheName(null)).toBe('together-pages-v1-guest');
		expect(isOtherPersonsCache('together-pages-v1-a1', 'b2')).toBe(true);
		expect(isOtherPersonsCache('together-pages-v1-b2', 'b2')).toBe(false);
		expect(isOtherPersonsCache('together-pages-v1-a1', null)).toBe(true);
		expect(isOtherPersonsCache('workbox-precache-v2-https://x/', null)).toBe(false);
		expect(isOutdatedCache('together-pages-v0-a1')).toBe(true);
		expect(isOutdatedCache('together-pages-v1-a1')).toBe(false);
	});

	it('keeps only whole pages straight from Together', () => {
		const html = new Headers({ 'content-type': 'text/html; charset=utf-8' });
		const base = { ok: true, status: 200, type: 'basic' as ResponseType, redirected: false, headers: html };
		expect(keepable(base)).toBe(true);
		expect(keepable({ ...base, redirected: true })).toBe(false);
		expect(keepable({ ...base, status: 404, ok: false })).toBe(false);
		expect(keepable({ ...base, type: 'opaqueredirect' })).toBe(false);
		expect(keepable({ ...base, headers: new Headers({ 'content-type': 'application/json' }) })).toBe(false);
	});

	it('marks a kept page and words the time in UK time', () => {
		expect(markSaved('<head><title>x</title></head>', '2026-11-26T14:05:00.000Z')).toBe(
			'<head><title>x</title><meta name="together-saved" content="2026-11-26T14:05:00.000Z"></head>'
		);
		expect(markSaved('<head></head>', '"><script>')).not.toContain('<script>');
		const now = new Date('2026-11-26T18:00:00Z');
		expect(savedWords('2026-11-26T14:05:00Z', now)).toBe('Saved on this phone — last updated 14:05 today');
		expect(savedWords('2026-07-03T14:05:00Z', now)).toBe(
			'Saved on this phone — last updated 3 July 2026 at 15:05'
		);
	});
});

describe("what Together's answer means for a waiting item", () => {
	it('is delivered on a redirect or success, waits for sign-in when sent to sign in', () => {
		expect(
			outcomeOf(200, { type: 'redirect', status: 303, location: '/opportunities/3/apply/done' })
		).toEqual({
			kind: 'delivered',
			location: '/opportunities/3/apply/done'
		});
		expect(outcomeOf(200, { type: 'success', status: 200 })).toEqual({ kind: 'delivered', location: null });
		expect(outcomeOf(200, { type: 'redirect', location: '/sign-in?next=%2Fmy' })).toEqual({
			kind: 'sign-in'
		});
	});

	it('is refused, in plain words, when the form fails', () => {
		const problem = 'This opportunity closed before your application arrived, so it was not sent.';
		expect(outcomeOf(400, { type: 'failure', status: 400, data: stringify({ problem }) })).toEqual({
			kind: 'refused',
			message: problem
		});
		expect(
			outcomeOf(400, {
				type: 'failure',
				status: 400,
				data: stringify({ errors: { amount: 'Enter an amount' } })
			})
		).toEqual({ kind: 'refused', message: 'Enter an amount' });
		const odd = outcomeOf(400, { type: 'failure', status: 400, data: 'not devalue' });
		expect(odd.kind).toBe('refused');
	});

	it('is tried again when no answer came, or the server was down', () => {
		expect(outcomeOf(null, null)).toEqual({ kind: 'retry' });
		expect(outcomeOf(502, null)).toEqual({ kind: 'retry' });
		expect(outcomeOf(500, { type: 'error', error: { message: 'x' } })).toEqual({ kind: 'retry' });
		expect(outcomeOf(404, { type: 'error', error: { message: 'We could not find that page.' } })).toEqual({
			kind: 'refused',
			message: 'We could not find that page.'
		});
	});

	it('waits longer after each failure, at most 5 minutes', () => {
		expect([0, 1, 2, 3].map(retryDelay)).toEqual([0, 2000, 4000, 8000]);
		expect(retryDelay(50)).toBe(300000);
	});
});
