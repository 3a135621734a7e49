import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';
import { paraglideOptions } from './paraglide.config.js';

export default defineConfig({
	plugins: [
		// The message catalogue (messages/en.json, messages/cy.json), see paraglide.config.js.
		paraglideVitePlugin({ ...paraglideOptions, strategy: [...paraglideOptions.strategy] }),
		sveltekit()
	],
	build: {
		// A page's own scripts are listed in its start-up script, which preloads them all at once after
		// the first paint ($lib/server/paint-first). Vite would also put, beside each page's code, the list of every file
		// that page needs, so that moving to it within the app fetches them together: for Together's
		// hundred-odd routes that list is about 3.5 KB (after compression) that every page downloads
		// first. Without it, moving to a page fetches its files a level at a time, which the service
		// worker (it keeps them all on the phone) answers at once. Stylesheets stay listed.
		modulePreload: false,
		// Rolldown's report of slow plugin callbacks is noise for Together's builds.
		rolldownOptions: {
			checks: { bundlerTimings: false },
			output: {
				// Every page needs Svelte, SvelteKit's client, the message runtime and Vite's loader (and
				// nearly every page the language code and the " – Together" of its title): as one file
				// they are one request, not nine, and compress a little better together.
				codeSplitting: {
					groups: [
						{
							name: 'framework',
							test: /node_modules[\\/](svelte|@sveltejs[\\/]kit[\\/]src[\\/]runtime[\\/](client|app[\\/](state|navigation))|devalue|clsx|esm-env)[\\/]|src[\\/]lib[\\/](paraglide[\\/](runtime|messages[\\/]title_suffix)\.js|i18n[\\/]locale\.ts)|vite[\\/]preload-helper/
						}
					]
				}
			}
		}
	},
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' }
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					testTimeout: 20000,
					fileParallelism: false
				}
			}
		]
	}
});
