// The finder's events bubble: listen on the element (or on the document).
const finder = document.querySelector('spine-finder');

finder.addEventListener('spine-results', (event) => {
  document.querySelector('#found').textContent = `${event.matches.length} accepting new patients`;
});

finder.addEventListener('spine-select', (event) => {
  document.querySelector('#chosen').textContent = `You chose ${event.provider.name}.`;
});
