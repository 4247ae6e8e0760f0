// Search as you type, for forms marked data-kith-live-search="<url of the results alone>" and
// data-kith-results="<id of the element holding the results>". Progressive enhancement only: without
// this file the form is a plain GET search that renders the same results in the page.
const waitMs = 200;

function enhance(form) {
  const input = form.querySelector('input[type="search"]');
  const results = document.getElementById(form.dataset.kithResults);
  if (!input || !results) return;
  let timer;
  let latest = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const query = input.value.trim();
      if (query.length < 2) return;
      const ticket = ++latest;
      const url = `${form.dataset.kithLiveSearch}?${new URLSearchParams({ q: query })}`;
      try {
        const response = await fetch(url, { credentials: "same-origin", headers: { accept: "text/html" } });
        // A slower, older answer must not replace a newer one.
        if (ticket !== latest) return;
        results.innerHTML = await response.text();
      } catch {
        // Offline or refused: the Search button still submits the form.
      }
    }, waitMs);
  });
}

for (const form of document.querySelectorAll("form[data-kith-live-search]")) enhance(form);
