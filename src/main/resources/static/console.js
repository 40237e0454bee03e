// Live progress of a run on the year's page: the run's console lines as server-sent events, then a link to its results.
document.addEventListener('DOMContentLoaded', () => {
  const lines = document.getElementById('progress-lines');
  const state = document.getElementById('progress-state');
  if (!lines || !state || state.dataset.state !== 'RUNNING') {
    return;
  }
  lines.textContent = '';
  const events = new EventSource(lines.dataset.source);
  // every (re)connection replays the run's lines from its first
  events.addEventListener('open', () => { lines.textContent = ''; });
  events.addEventListener('line', e => {
    lines.textContent += (lines.textContent ? '\n' : '') + e.data;
    lines.scrollTop = lines.scrollHeight;
  });
  events.addEventListener('done', e => {
    events.close();
    const [status, runId] = e.data.split(' ');
    state.dataset.state = status;
    state.textContent = lines.dataset.done + ' ' + status + ' ';
    if (runId) {
      const link = document.createElement('a');
      link.id = 'progress-run';
      link.href = lines.dataset.runBase + runId;
      link.textContent = lines.dataset.open;
      state.appendChild(link);
    }
    document.querySelectorAll('#run button').forEach(b => { b.disabled = false; });
  });
});
