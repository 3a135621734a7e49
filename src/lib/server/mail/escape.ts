/** Text made safe to put inside HTML (element content or a quoted attribute). */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
