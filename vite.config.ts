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
	// Rolldown's report of slow plugin callbacks is noise for Together's builds.
	build: { rolldownOptions: { checks: { bundlerTimings: false } } },
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
