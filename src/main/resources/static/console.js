// Live progress of a run on the year's page: the run's console lines as server-sent events; when the run
// ends the page is loaded again, to show its outcome, the input files' new status and the run in the history.
// On a run's page, an auditor's replay in progress: the page is loaded again until its verdict is in.
document.addEventListener('DOMContentLoaded', () => {
  // an auditor's replay goes on in the background: the run's page looks again until its verdict is in
  if (document.getElementById('verify-running')) {
    window.setTimeout(() => window.location.reload(), 3000);
  }
  const lines = document.getElementById('progress-lines');
  const state = document.getElementById('progress-state');
  if (!lines || !state || state.dataset.state !== 'RUNNING') {
    return;
  }
  const events = new EventSource(lines.dataset.source);
  // every (re)connection replays the run's lines from its first
  events.addEventListener('open', () => { lines.textContent = ''; });
  events.addEventListener('line', e => {
    lines.textContent += (lines.textContent ? '\n' : '') + e.data;
    lines.scrollTop = lines.scrollHeight;
  });
  events.addEventListener('done', () => {
    events.close();
    window.location.reload();
  });
});
