// The people the staff side of adjustments uses in browser tests: one set per project, so the phone
// and desktop runs never sign in as the same person (see supabase/seeds/21_adjustments_staff.sql).
export const STAFF_ACCOUNTS = {
	phone: {
		member: 'vikram.rao@example.org',
		staff: 'dafydd.morris@example.org',
		admin: 'anwen.davies@example.org'
	},
	desktop: {
		member: 'luis.fernandes@example.org',
		staff: 'hannah.okoro@example.org',
		admin: 'gethin.lewis@example.org'
	}
} as const;

/** Staff without the permission to arrange adjustments (used by the desktop run only). */
export const STAFF_WITHOUT_PERMISSION = 'selin.aydin@example.org';
