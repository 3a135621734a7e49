// The display settings as attributes on <html>, in a module of its own so the layout's script
// stays small (no validation library in every page).
import type { DisplaySettings } from './display';

/** The attributes on <html> that the global styles follow (see app.css); null means none. */
export function displayDataAttributes(settings: DisplaySettings): Record<string, string | null> {
	return {
		'data-text-size': settings.textSize,
		'data-theme': settings.theme,
		'data-font': settings.font,
		'data-line-spacing': settings.lineSpacing,
		'data-letter-spacing': settings.letterSpacing,
		'data-motion': settings.motion,
		'data-read-aloud': settings.readAloud === 'on' ? 'on' : null,
		'data-easy-read': settings.easyRead === 'on' ? 'on' : null,
		'data-pictures': settings.pictures === 'off' ? 'off' : null
	};
}
