// Highlights the terms of the search that led here (?highlight=…), with Pagefind's own highlighter.
// Loaded as a module on article pages; without JavaScript the page reads the same, unhighlighted.
if (new URLSearchParams(location.search).has('highlight')) {
  const { default: PagefindHighlight } = await import('../pagefind/pagefind-highlight.js');
  new PagefindHighlight({ highlightParam: 'highlight' });
}
