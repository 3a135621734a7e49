import { error, fail, redirect } from '@sveltejs/kit';
import type { ClaimCategory, Vehicle } from '$lib/payments-staff';
import { requireStaff } from '$lib/server/auth/guard';
import type { SessionUser } from '$lib/server/auth/session';
import {
	addFeeRate,
	loadPaymentSettings,
	saveClaimSettings,
	saveMileage,
	saveReceiptRules,
	setOpportunityRate
} from '$lib/server/payment-settings';
import { formValues, parse, readForm } from '$lib/validation/form';
import {
	CATEGORIES,
	claimSettingsSchema,
	feeRateSchema,
	mileageSchema,
	opportunityRateSchema,
	receiptRulesSchema
} from '$lib/validation/payments-staff';
import type { Actions, PageServerLoad } from './$types';

const SAVED = {
	rate: 'Fee rate added.',
	opportunity: 'Fee rate chosen for the opportunity.',
	mileage: 'Mileage rates saved.',
	receipts: 'Receipt rules saved.',
	claim: 'Claim window and ways of being paid saved.'
} as const;
type Section = keyof typeof SAVED;

function requireAdmin(user: SessionUser | null): asserts user is SessionUser {
	requireStaff(user);
	if (user.role !== 'admin') error(403, 'Only admins can change payment settings.');
}

export const load: PageServerLoad = async ({ locals, url }) => {
	requireAdmin(locals.user);
	const saved = url.searchParams.get('saved') ?? '';
	return {
		settings: await loadPaymentSettings(locals.db),
		saved: saved in SAVED ? SAVED[saved as Section] : null
	};
};

async function handle(
	section: Section,
	request: Request,
	locals: App.Locals,
	run: (values: Record<string, string | string[]>) => Promise<{ errors: Record<string, string> } | null>
) {
	requireAdmin(locals.user);
	const values = formValues(await readForm(request));
	const problem = await run(values);
	if (problem) return fail(400, { section, values, errors: problem.errors });
	redirect(303, `/admin/settings?saved=${section}#${section}`);
}

export const actions: Actions = {
	rate: ({ request, locals }) =>
		handle('rate', request, locals, async (values) => {
			const p = parse(feeRateSchema, values, values);
			if (!p.ok) return { errors: p.errors };
			const problem = await addFeeRate(locals.db, p.data);
			return problem ? { errors: { name: problem } } : null;
		}),
	opportunity: ({ request, locals }) =>
		handle('opportunity', request, locals, async (values) => {
			const p = parse(opportunityRateSchema, values, values);
			if (!p.ok) return { errors: p.errors };
			const problem = await setOpportunityRate(locals.db, p.data.opportunity, p.data.rate);
			return problem ? { errors: { opportunity: problem } } : null;
		}),
	mileage: ({ request, locals }) =>
		handle('mileage', request, locals, async (values) => {
			const p = parse(mileageSchema, values, values);
			if (!p.ok) return { errors: p.errors };
			const problem = await saveMileage(locals.db, p.data as Record<Vehicle, number>);
			return problem ? { errors: { car: problem } } : null;
		}),
	receipts: ({ request, locals }) =>
		handle('receipts', request, locals, async (values) => {
			const p = parse(receiptRulesSchema, values, values);
			if (!p.ok) return { errors: p.errors };
			const d = p.data as Record<string, boolean | number | null>;
			const rules = Object.fromEntries(
				CATEGORIES.map((c) => [
					c,
					{ always: d[`always_${c}`] === true, above_pence: (d[`above_${c}`] as number | null) ?? null }
				])
			) as Record<ClaimCategory, { always: boolean; above_pence: number | null }>;
			const problem = await saveReceiptRules(locals.db, rules);
			return problem ? { errors: { always_fee: problem } } : null;
		}),
	claim: ({ request, locals }) =>
		handle('claim', request, locals, async (values) => {
			const p = parse(claimSettingsSchema, values, values);
			if (!p.ok) return { errors: p.errors };
			const problem = await saveClaimSettings(locals.db, p.data);
			return problem ? { errors: { window_days: problem } } : null;
		})
};
