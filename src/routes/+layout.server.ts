import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url }) => {
	const u = locals.user;
	return {
		user: u ? { id: u.id, name: u.preferredName || u.fullName, role: u.role } : null,
		display: locals.display,
		locale: locals.locale,
		// Read on every navigation (it depends on the address), so the staff timer restarts with each page.
		idleSecondsLeft:
			url.pathname && locals.session?.idleExpiresAt
				? Math.floor((Date.parse(locals.session.idleExpiresAt) - Date.now()) / 1000)
				: null
	};
};
