// The message catalogue's compiler settings, shared by vite.config.ts and scripts/messages.mjs.
// messages/en.json and messages/cy.json compile to src/lib/paraglide (generated, not committed).
// The language comes from the member's display settings, else the browser's languages
// (src/lib/i18n/locale.ts, src/hooks.server.ts); in the browser it follows <html lang>.
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	strategy: /** @type {const} */ (['custom-together', 'baseLocale']),
	emitGitIgnore: false,
	emitPrettierIgnore: false,
	emitReadme: false
};
