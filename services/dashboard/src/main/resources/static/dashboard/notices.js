// The banner under the header: refusals of the API (problem+json, with each field and reason) and failures.
import {ApiProblem, SignInRequired} from './api.js';
import {el} from './format.js';

export function showProblem(error) {
    if (error instanceof SignInRequired) {
        document.dispatchEvent(new CustomEvent('dyad:sign-in'));
        return;
    }
    const banner = document.getElementById('banner');
    const problem = error instanceof ApiProblem ? error.problem : {title: 'Something failed', detail: error.message};
    banner.replaceChildren(el('strong', {}, problem.title || 'Refused'), ' ', problem.detail || '',
        (problem.errors || []).length ? el('ul', {}, problem.errors.map(e =>
            el('li', {}, el('code', {}, e.field), ': ', e.reason))) : null,
        el('button', {type: 'button', class: 'dismiss', 'aria-label': 'Dismiss', onclick: clearProblem}, '×'));
    banner.hidden = false;
}

export function clearProblem() {
    document.getElementById('banner').hidden = true;
}
