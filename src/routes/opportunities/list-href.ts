// Addresses of the opportunities list's pages, for its links and its server.

/**
 * The address of a page of the opportunities list with these search and filters: the same order
 * of fields as the filters form sends, and no `page` for the first page.
 */
export function listHref(
	filters: { q: string; type: string; topic: string; where: string; closingSoon: boolean },
	page: number
): string {
	const params = new URLSearchParams();
	if (filters.q) params.set('q', filters.q);
	if (filters.type) params.set('type', filters.type);
	if (filters.topic) params.set('topic', filters.topic);
	if (filters.where) params.set('where', filters.where);
	if (filters.closingSoon) params.set('closing', 'soon');
	if (page > 1) params.set('page', String(page));
	const query = params.toString();
	return query ? `/opportunities?${query}` : '/opportunities';
}
