// Checks at the top of staff form actions. Staff pages check who is asking in their layout, but
// form actions run before any layout does, so each action checks again (Row Level Security would
// refuse anyway; this says so plainly).
import { error } from '@sveltejs/kit';
import { hasPermission, type SessionUser, type StaffPermission } from './session';

const NEEDS: Record<StaffPermission, string> = {
	arrange_adjustments: 'Only staff who arrange adjustments can do this.',
	finance: 'Only the finance team can do this.'
};

export function requireStaff(user: SessionUser | null): asserts user is SessionUser {
	if (!user) error(401, 'Sign in again to do this.');
	if (user.role !== 'staff' && user.role !== 'admin')
		error(403, 'These pages are for the co-production team.');
}

export function requirePermission(
	user: SessionUser | null,
	permission: StaffPermission
): asserts user is SessionUser {
	requireStaff(user);
	if (!hasPermission(user, permission)) error(403, NEEDS[permission]);
}
