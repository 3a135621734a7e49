// Matching and members' ideas through the real API with each role's own JWT: suggestions carry only
// what a member shared for matching (never access needs or the profile's lived experience),
// invitations are answered once by the member, and ideas stay the sender's own until staff publish them.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { opportunitiesThatFit } from '$lib/server/matching';
import { ACCOUNTS, anon, as, service } from './helpers';

const sam = () => as(ACCOUNTS.staff);

type Person = { id: string; email: string; role: 'member' };

async function newMember(label: string): Promise<Person> {
	const id = randomUUID();
	const person: Person = { id, email: `match.${label}.${id.slice(0, 8)}@example.org`, role: 'member' };
	const { error } = await service()
		.from('profiles')
		.insert({ id, email: person.email, full_name: `Mo ${label} Match`, status: 'active' });
	if (error) throw new Error(JSON.stringify(error));
	return person;
}

async function openOpportunity(
	lookingFor: { experience: string[]; skills: string[] },
	closes = new Date(Date.now() + 30 * 86_400_000),
	status = 'published'
): Promise<number> {
	const { data, error } = await sam()
		.from('opportunities')
		.insert({
			type: 'advisory_group',
			title: `Matching test ${randomUUID().slice(0, 8)}`,
			summary: 'An opportunity made by the matching tests.',
			location_type: 'online',
			status,
			closes_at: closes.toISOString(),
			created_by: ACCOUNTS.staff.id,
			looks_for_experience: lookingFor.experience,
			looks_for_skills: lookingFor.skills
		})
		.select('id')
		.single();
	if (error) throw new Error(JSON.stringify(error));
	return (data as { id: number }).id;
}

describe('matching', () => {
	it('suggests members with why, and returns no access needs or unshared lived experience', async () => {
		const member = await newMember('private');
		const me = as(member);
		// Lived experience on the profile and access needs: neither is shared for matching.
		expect(
			(await me.rpc('save_lived_experience', { tags: ['mental health', 'homelessness'] })).error
		).toBeNull();
		const needs = await me.rpc('save_access_needs', {
			needs: [
				{ category: 'travel', options: ['taxi'], note: 'SECRET-NEED I use a wheelchair.' },
				{ category: 'meeting', options: ['breaks', 'quiet_room'], break_every_minutes: 60, break_minutes: 10 }
			],
			share_with_staff: true,
			consent_wording: 'I agree that Together keeps my access needs.'
		});
		expect(needs.error).toBeNull();
		// Shared for matching: chairing, and wants to develop interviewing.
		expect(
			(
				await me.rpc('save_matching_profile', {
					experience: ['carer'],
					skills: ['chairing'],
					develop: ['interviewing']
				})
			).error
		).toBeNull();

		const opp = await openOpportunity({
			experience: ['carer', 'homelessness'],
			skills: ['chairing', 'interviewing']
		});
		const { data, error } = await sam().rpc('staff_suggested_members', { opportunity: opp });
		expect(error).toBeNull();
		const rows = data as Record<string, unknown>[];
		const mine = rows.find((r) => r.member_id === member.id);
		expect(mine).toEqual({
			member_id: member.id,
			name: 'Mo private Match',
			experience: ['carer'],
			skills: ['chairing'],
			develop: ['interviewing'],
			invitation_status: null,
			applied: false
		});
		const everything = JSON.stringify(rows);
		expect(everything).not.toContain('SECRET-NEED');
		expect(everything).not.toContain('wheelchair');
		expect(everything).not.toContain('quiet_room');
		expect(everything).not.toContain('homelessness'); // on the profile, not shared for matching
		expect(everything).not.toContain('mental health');
		for (const r of rows)
			expect(Object.keys(r).sort()).toEqual(
				['applied', 'develop', 'experience', 'invitation_status', 'member_id', 'name', 'skills'].sort()
			);
	});

	it('is for staff only; members read only their own matching profile', async () => {
		const a = await newMember('a');
		const b = await newMember('b');
		await as(a).rpc('save_matching_profile', { experience: [], skills: ['speaking'], develop: [] });
		const opp = await openOpportunity({ experience: [], skills: ['speaking'] });
		const asMember = await as(b).rpc('staff_suggested_members', { opportunity: opp });
		expect(asMember.error?.message).toContain('not_allowed');
		expect((await anon().rpc('staff_suggested_members', { opportunity: opp })).error).not.toBeNull();
		const seen = await as(b).from('matching_profiles').select('member_id');
		expect(seen.data).toEqual([]);
		const staffRead = await sam().from('matching_profiles').select('member_id').eq('member_id', a.id);
		expect(staffRead.data).toEqual([]);
		expect((await as(a).from('matching_profiles').select('skills')).data).toEqual([{ skills: ['speaking'] }]);
		// Removing everything removes the row.
		await as(a).rpc('save_matching_profile', { experience: [], skills: [], develop: [] });
		expect((await as(a).from('matching_profiles').select('skills')).data).toEqual([]);
	});

	it('staff invite once; the member accepts or declines, and no one else can', async () => {
		const member = await newMember('invite');
		const other = await newMember('other');
		await as(member).rpc('save_matching_profile', {
			experience: [],
			skills: ['reviewing_documents'],
			develop: []
		});
		const opp = await openOpportunity({ experience: [], skills: ['reviewing_documents'] });
		const first = await sam().rpc('staff_invite_to_opportunity', { opportunity: opp, member: member.id });
		expect(first.error).toBeNull();
		expect((first.data as { new: boolean }).new).toBe(true);
		const again = await sam().rpc('staff_invite_to_opportunity', { opportunity: opp, member: member.id });
		expect(again.data).toEqual({ id: (first.data as { id: number }).id, new: false });
		const id = (first.data as { id: number }).id;

		const mine = await as(member).from('match_invitations').select('id, status, skills');
		expect(mine.data).toEqual([{ id, status: 'invited', skills: ['reviewing_documents'] }]);
		expect((await as(other).from('match_invitations').select('id')).data).toEqual([]);
		expect((await anon().from('match_invitations').select('id')).error).not.toBeNull();
		const stolen = await as(other).rpc('answer_match_invitation', { invitation: id, accept: true });
		expect(stolen.error?.message).toContain('not_found');
		const byMember = await as(member).rpc('staff_invite_to_opportunity', {
			opportunity: opp,
			member: other.id
		});
		expect(byMember.error?.message).toContain('not_allowed');

		expect((await as(member).rpc('answer_match_invitation', { invitation: id, accept: true })).data).toBe(
			'accepted'
		);
		const suggested = await sam().rpc('staff_suggested_members', { opportunity: opp });
		expect(
			(suggested.data as { member_id: string; invitation_status: string }[]).find(
				(r) => r.member_id === member.id
			)?.invitation_status
		).toBe('accepted');
	});
});

describe('what fits a member, on their home page', () => {
	it('weighs every open opportunity, best first and then soonest closing, from their own words only', async () => {
		const a = await newMember('fit-a');
		const b = await newMember('fit-b');
		await as(a).rpc('save_matching_profile', {
			experience: ['carer'],
			skills: ['chairing'],
			develop: ['writing']
		});
		await as(b).rpc('save_matching_profile', { experience: [], skills: ['speaking'], develop: [] });
		const day = 86_400_000;
		const inDays = (n: number) => new Date(Date.now() + n * day);
		// More than 200 open opportunities closing sooner than any below, looking for nothing.
		const stamp = randomUUID().slice(0, 8);
		const { data: sooner, error } = await sam()
			.from('opportunities')
			.insert(
				Array.from({ length: 205 }, (_, i) => ({
					type: 'advisory_group',
					title: `Matching test, closing sooner ${stamp} ${i}`,
					summary: 'An opportunity made by the matching tests.',
					location_type: 'online',
					status: 'published',
					closes_at: inDays(1 + i / 1000).toISOString(),
					created_by: ACCOUNTS.staff.id
				}))
			)
			.select('id');
		expect(error).toBeNull();
		const best = await openOpportunity(
			{ experience: ['carer'], skills: ['chairing', 'writing'] },
			inDays(300)
		);
		const good = await openOpportunity({ experience: [], skills: ['chairing'] }, inDays(30));
		const tie = await openOpportunity({ experience: ['carer'], skills: [] }, inDays(10));
		const weak = await openOpportunity({ experience: [], skills: ['writing'] }, inDays(20));
		const closed = await openOpportunity({ experience: ['carer'], skills: ['chairing'] }, inDays(-1));
		const draft = await openOpportunity({ experience: ['carer'], skills: ['chairing'] }, inDays(5), 'draft');
		const ours = new Set([best, good, tie, weak, closed, draft]);
		try {
			const fits = (await opportunitiesThatFit(as(a), a.id, 50)).filter((f) => ours.has(f.opportunity.id));
			expect(fits.map((f) => f.opportunity.id)).toEqual([best, tie, good, weak]);
			expect(fits[0]?.reasons).toEqual({ experience: ['carer'], skills: ['chairing'], develop: ['writing'] });
			expect(fits[3]?.reasons).toEqual({ experience: [], skills: [], develop: ['writing'] });
			expect(fits[0]?.opportunity).not.toHaveProperty('looks_for_skills');
			// Another member's words find none of them; a visitor may not ask.
			expect((await opportunitiesThatFit(as(b), b.id, 50)).filter((f) => ours.has(f.opportunity.id))).toEqual(
				[]
			);
			expect((await anon().rpc('opportunities_that_fit', { how_many: 3 })).error).not.toBeNull();
			// The home page asks for three: the best of all, though it closes last.
			expect((await opportunitiesThatFit(as(a), a.id, 3)).map((f) => f.opportunity.id)).toContain(best);
		} finally {
			await service()
				.from('opportunities')
				.delete()
				.in('id', [...ours, ...(sooner as { id: number }[]).map((o) => o.id)]);
		}
	});
});

describe('ideas', () => {
	it('members see only their own ideas until staff publish them; anon sees none', async () => {
		const { data: call, error } = await sam()
			.from('idea_calls')
			.insert({
				question: 'Which of our services should members look at first?',
				closes_on: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
				created_by: ACCOUNTS.staff.id
			})
			.select('id')
			.single();
		expect(error).toBeNull();
		const callId = (call as { id: number }).id;
		const a = await newMember('idea-a');
		const b = await newMember('idea-b');
		const key = randomUUID();
		const sent = await as(a).rpc('submit_idea', {
			call: callId,
			title: 'A peer support café',
			mode: 'written',
			body: 'A monthly café where carers meet and share what works.',
			upload: null,
			request_key: key
		});
		expect(sent.error).toBeNull();
		const ideaId = sent.data as number;
		// The same request again is the same idea.
		const retry = await as(a).rpc('submit_idea', {
			call: callId,
			title: 'A peer support café',
			mode: 'written',
			body: 'A monthly café where carers meet and share what works.',
			upload: null,
			request_key: key
		});
		expect(retry.data).toBe(ideaId);
		expect((await as(a).from('ideas').select('id').eq('call_id', callId)).data).toEqual([{ id: ideaId }]);
		// Someone else's key cannot be used to read it back.
		const sneaky = await as(b).rpc('submit_idea', {
			call: callId,
			title: 'Copy',
			mode: 'phone_call',
			body: null,
			upload: null,
			request_key: key
		});
		expect(sneaky.error?.message).toContain('not_allowed');

		expect((await as(b).from('ideas').select('id').eq('call_id', callId)).data).toEqual([]);
		expect((await as(b).rpc('published_ideas', { call: callId })).data).toEqual([]);
		expect((await anon().from('ideas').select('id')).error).not.toBeNull();
		expect((await anon().rpc('published_ideas', { call: callId })).error).not.toBeNull();
		// Members cannot publish or change an idea.
		const self = await as(a).from('ideas').update({ status: 'chosen' }).eq('id', ideaId).select('id');
		expect(self.data ?? []).toEqual([]);
		expect((await sam().from('ideas').select('id, member_id').eq('call_id', callId)).data).toEqual([
			{ id: ideaId, member_id: a.id }
		]);

		const published = await sam()
			.from('ideas')
			.update({ published_at: new Date().toISOString(), status: 'shortlisted' })
			.eq('id', ideaId)
			.select('id');
		expect(published.data).toEqual([{ id: ideaId }]);
		const seen = (await as(b).rpc('published_ideas', { call: callId })).data as Record<string, unknown>[];
		expect(seen.map((i) => i.title)).toEqual(['A peer support café']);
		expect(Object.keys(seen[0]!)).not.toContain('member_id');
		expect(JSON.stringify(seen)).not.toContain(a.id);
		// Still not readable in the table itself by another member.
		expect((await as(b).from('ideas').select('id').eq('call_id', callId)).data).toEqual([]);
		expect((await anon().rpc('published_ideas', { call: callId })).error).not.toBeNull();
	});

	it('refuses ideas after the closing date and recordings that are not the member’s', async () => {
		const { data: call } = await sam()
			.from('idea_calls')
			.insert({
				question: 'An old question for ideas',
				closes_on: '2020-01-01',
				created_by: ACCOUNTS.staff.id
			})
			.select('id')
			.single();
		const a = await newMember('late');
		const late = await as(a).rpc('submit_idea', {
			call: (call as { id: number }).id,
			title: 'Too late',
			mode: 'phone_call',
			body: null,
			upload: null,
			request_key: randomUUID()
		});
		expect(late.error?.message).toContain('closed');
		const member = await newMember('member-call');
		const calls = await as(member).from('idea_calls').insert({
			question: 'Members cannot open calls',
			closes_on: '2099-01-01',
			created_by: member.id
		});
		expect(calls.error).not.toBeNull();
	});
});

describe('data rights', () => {
	it('the member’s download holds their matching words, invitations and ideas; deletion removes them', async () => {
		const member = await newMember('rights');
		await as(member).rpc('save_matching_profile', {
			experience: ['carer'],
			skills: ['writing'],
			develop: []
		});
		const { data } = await as(member).rpc('my_matching_data');
		expect(data).toMatchObject({
			matching_profile: { experience: ['carer'], skills: ['writing'] },
			ideas: []
		});
		const staffView = await sam().rpc('my_matching_data');
		expect(staffView.data).toMatchObject({ matching_profile: null, match_invitations: [], ideas: [] });
		await service().from('profiles').update({ deleted_at: new Date().toISOString() }).eq('id', member.id);
		const left = await service().from('matching_profiles').select('member_id').eq('member_id', member.id);
		expect(left.data).toEqual([]);
	});
});
