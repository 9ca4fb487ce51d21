import { api, clearProblems, formData, remember, showProblem, user } from '/assets/js/api.js';
import { home } from '/assets/js/session.js';

const form = document.getElementById('login');
const me = user();
if (me) location.replace(home(me.role));

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearProblems(form);
  const button = form.querySelector('button');
  button.disabled = true;
  try {
    const session = await api('POST', '/api/v1/auth/login', formData(form), { auth: false });
    remember(session);
    location.href = home(session.user.role);
  } catch (problem) {
    showProblem(form, problem);
  } finally {
    button.disabled = false;
  }
});
