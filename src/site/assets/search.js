// Starts Pagefind's UI on the search page. The query lives in the address (?q=…), so a search can
// be linked and reloaded; the order (relevance, newest, oldest) is ?sort=desc|asc.
const params = new URLSearchParams(location.search);
const order = document.getElementById('search-sort');
order.value = params.get('sort') ?? '';

const ui = new PagefindUI({
  element: '#search',
  bundlePath: new URL('../pagefind/', import.meta.url).pathname,
  showImages: false,
  showSubResults: false,
  showEmptyFilters: false,
  openFilters: [],
  highlightParam: 'highlight',
  sort: order.value ? { date: order.value } : undefined,
  autofocus: !params.get('q'),
});
// Pagefind's input has only a title; a label names it for screen readers (axe: label-title-only).
document.querySelector('.pagefind-ui__search-input')?.setAttribute('aria-label', 'Search the articles');
const query = params.get('q');
if (query) ui.triggerSearch(query);

document.getElementById('search').addEventListener('input', (event) => {
  if (!event.target.matches('.pagefind-ui__search-input')) return;
  params.set('q', event.target.value);
  history.replaceState(null, '', `?${params}`);
});
// A new order reloads the page with it in the address: the simplest way to rerun the search, and
// the result can be linked like any other.
order.addEventListener('change', () => {
  if (order.value) params.set('sort', order.value);
  else params.delete('sort');
  location.search = `?${params}`;
});
