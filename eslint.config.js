import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'.data/',
			'node_modules/',
			'test-results/',
			'playwright-report/',
			'src/lib/paraglide/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			// Together is served from the site root (no paths.base), so plain addresses are the links.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// A form action reads its form through readForm, which drops U+0000 that Postgres cannot store.
		files: ['src/**/*.ts'],
		ignores: ['src/lib/validation/form.ts'],
		rules: {
			'no-restricted-syntax': [
				'error',
				{
					selector: "CallExpression[callee.property.name='formData'][callee.object.name='request']",
					message: "Read a posted form with readForm(request) from '$lib/validation/form'."
				},
				{
					selector: "CallExpression[callee.property.name='formData'][callee.object.property.name='request']",
					message: "Read a posted form with readForm(event.request) from '$lib/validation/form'."
				}
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	}
);
