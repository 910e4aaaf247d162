// The watchlists page: the signed-in user's watchlists (GET/POST/PUT/DELETE /api/v1/watchlists) and the alerts they
// raised (GET /api/v1/alerts, POST /api/v1/alerts/{id}/read). Alerts pushed on the live feed (SSE event "alert") are
// added to the list as they come. Every value is put on the page as text through el().
import {getJson, postJson, sendJson} from './api.js';
import {el} from './format.js';
import {clearProblem, showProblem} from './notices.js';

const STAGE_CHANGES = ['NEGOTIATING', 'CONTRACTED', 'DELIVERING', 'DELIVERED', 'SUSPENDED', 'RESUMED', 'CANCELLED',
    'SUPERSEDED'];
const AGREEMENT_STATUSES = ['SIGNED', 'IN_FORCE', 'EXPIRED', 'TERMINATED'];

let page = null;

const list = text => (text || '').split(',').map(s => s.trim()).filter(Boolean);
const codes = text => list(text).map(s => s.substring(0, 3).toUpperCase());

function field(label, input) {
    return el('label', {}, label, ' ', input);
}

function checks(name, values, chosen) {
    return el('span', {class: 'checks'}, values.map(v => el('label', {},
        el('input', {type: 'checkbox', name, value: v, checked: chosen.includes(v)}), ' ', v.toLowerCase())));
}

/** The criteria the form says, as the API takes them. */
function criteriaOf(form) {
    const f = form.elements;
    const criteria = {};
    if (list(f.actors.value).length) {
        criteria.actors = codes(f.actors.value);
    }
    if (f.pairA.value.trim() || f.pairB.value.trim()) {
        criteria.pairs = [{a: codes(f.pairA.value)[0] || '', b: codes(f.pairB.value)[0] || '',
            directed: f.directed.checked}];
    }
    if (list(f.designations.value).length) {
        criteria.designations = list(f.designations.value);
    }
    if (list(f.categories.value).length) {
        criteria.categories = list(f.categories.value).map(c => c.toUpperCase().replaceAll(' ', '_'));
    }
    if (f.stageChanges.checked) {
        criteria.stageChanges = {to: [...form.querySelectorAll('input[name=stageTo]:checked')].map(i => i.value)};
    }
    if (f.statusChanges.checked) {
        criteria.agreementStatusChanges =
            {to: [...form.querySelectorAll('input[name=statusTo]:checked')].map(i => i.value)};
    }
    if (f.amount.value) {
        criteria.estimateOver = {amount: Number(f.amount.value), currency: f.currency.value.trim().toUpperCase()};
    }
    if (f.notifiedSales.checked) {
        criteria.notifiedSales = true;
    }
    return criteria;
}

function watchlistForm(watchlist) {
    const c = (watchlist && watchlist.criteria) || {};
    const pair = (c.pairs || [])[0] || {};
    const form = el('form', {class: 'watch-form', 'aria-label': watchlist ? 'Edit watchlist' : 'New watchlist'},
        el('h2', {}, watchlist ? 'Edit ' + watchlist.name : 'New watchlist'),
        field('Name', el('input', {name: 'name', required: true, value: watchlist ? watchlist.name : ''})),
        el('fieldset', {}, el('legend', {}, 'Records'),
            field('Actors (codes, comma-separated)', el('input', {name: 'actors', value: (c.actors || []).join(', ')})),
            field('Pair', el('input', {name: 'pairA', size: 4, value: pair.a || '', 'aria-label': 'Pair: first actor'})),
            field('and', el('input', {name: 'pairB', size: 4, value: pair.b || '', 'aria-label': 'Pair: second actor'})),
            el('label', {}, el('input', {type: 'checkbox', name: 'directed', checked: !!pair.directed}),
                ' only from the first to the second'),
            field('Designations', el('input', {name: 'designations', value: (c.designations || []).join(', ')})),
            field('Categories', el('input', {name: 'categories', value: (c.categories || []).join(', ')}))),
        el('fieldset', {}, el('legend', {}, 'Events'),
            el('label', {}, el('input', {type: 'checkbox', name: 'stageChanges', checked: !!c.stageChanges}),
                ' deal stage changes, to'), checks('stageTo', STAGE_CHANGES, (c.stageChanges || {}).to || []),
            el('label', {}, el('input', {type: 'checkbox', name: 'statusChanges', checked: !!c.agreementStatusChanges}),
                ' agreement status changes, to'),
            checks('statusTo', AGREEMENT_STATUSES, (c.agreementStatusChanges || {}).to || []),
            field('Estimates at or over', el('input', {name: 'amount', type: 'number', min: 0,
                value: c.estimateOver ? c.estimateOver.amount : ''})),
            field('in', el('input', {name: 'currency', size: 4, value: c.estimateOver ? c.estimateOver.currency : 'USD'})),
            el('label', {}, el('input', {type: 'checkbox', name: 'notifiedSales', checked: !!c.notifiedSales}),
                ' new notified sales')),
        field('Webhook URL (optional)', el('input', {name: 'webhookUrl', type: 'url',
            value: watchlist && watchlist.webhookUrl ? watchlist.webhookUrl : ''})),
        el('button', {type: 'submit'}, watchlist ? 'Save' : 'Create'),
        watchlist ? el('button', {type: 'button', onclick: () => {
            showForm(null);
        }}, 'Cancel') : null);
    form.addEventListener('submit', async e => {
        e.preventDefault();
        const body = {name: form.elements.name.value, criteria: criteriaOf(form),
            webhookUrl: form.elements.webhookUrl.value.trim() || null};
        try {
            const saved = watchlist ? await sendJson('PUT', '/api/v1/watchlists/' + watchlist.id, body)
                : await postJson('/api/v1/watchlists', body);
            clearProblem();
            showForm(null);
            await refresh();
            if (saved.webhookSecret) {
                page.secret.replaceChildren('The webhook of ', el('strong', {}, saved.name),
                    ' signs its requests with this secret, shown only now: ', el('code', {}, saved.webhookSecret));
                page.secret.hidden = false;
            }
        } catch (problem) {
            showProblem(problem);
        }
    });
    return form;
}

function describe(criteria) {
    const parts = [];
    (criteria.actors || []).length && parts.push('actors ' + criteria.actors.join(', '));
    (criteria.pairs || []).forEach(p => parts.push(p.a + (p.directed ? ' → ' : ' ↔ ') + p.b));
    (criteria.designations || []).length && parts.push('designations ' + criteria.designations.join(', '));
    (criteria.categories || []).length && parts.push('categories ' + criteria.categories.join(', '));
    criteria.stageChanges && parts.push('stage changes' + ((criteria.stageChanges.to || []).length
        ? ' to ' + criteria.stageChanges.to.join(', ') : ''));
    criteria.agreementStatusChanges && parts.push('agreement status changes' + ((criteria.agreementStatusChanges.to
        || []).length ? ' to ' + criteria.agreementStatusChanges.to.join(', ') : ''));
    criteria.estimateOver && parts.push('estimates ≥ ' + criteria.estimateOver.amount + ' '
        + criteria.estimateOver.currency);
    criteria.notifiedSales && parts.push('notified sales');
    return parts.join('; ');
}

function watchlistItem(w) {
    return el('li', {dataset: {id: w.id}}, el('strong', {}, w.name), ' — ', describe(w.criteria || {}),
        w.webhookUrl ? el('span', {class: 'sub'}, ' (webhook ' + w.webhookUrl + ')') : null, ' ',
        el('button', {type: 'button', onclick: () => showForm(w)}, 'Edit'), ' ',
        el('button', {type: 'button', onclick: async () => {
            if (!confirm('Delete the watchlist "' + w.name + '" and its alerts?')) {
                return;
            }
            try {
                await sendJson('DELETE', '/api/v1/watchlists/' + w.id);
                await refresh();
            } catch (problem) {
                showProblem(problem);
            }
        }}, 'Delete'));
}

function alertItem(alert) {
    const item = el('li', {class: alert.read ? 'alert read' : 'alert unread', dataset: {id: alert.id}},
        el('span', {class: 'date'}, (alert.raisedAt || '').replace('T', ' ').substring(0, 19)), ' ',
        el('strong', {}, alert.watchlistName || ''), ': ', el('span', {class: 'summary'}, alert.summary), ' ',
        el('span', {class: 'sub'}, alert.recordId), ' ');
    if (!alert.read) {
        item.append(el('button', {type: 'button', class: 'mark-read', onclick: async () => {
            try {
                const read = await postJson('/api/v1/alerts/' + alert.id + '/read', {});
                item.replaceWith(alertItem(read));
            } catch (problem) {
                showProblem(problem);
            }
        }}, 'Mark read'));
    }
    return item;
}

/** Shows the form for a new watchlist, or for editing one; a live update leaves the form as the user left it. */
function showForm(watchlist) {
    page.form.replaceChildren(watchlistForm(watchlist));
}

async function refresh() {
    if (!page) {
        return;
    }
    const unreadOnly = page.unread.checked;
    const [watchlists, alerts] = await Promise.all([getJson('/api/v1/watchlists'),
        getJson('/api/v1/alerts', {unread: unreadOnly ? 'true' : null, size: 100})]);
    page.watchlists.replaceChildren(...(watchlists.length ? watchlists.map(watchlistItem)
        : [el('li', {class: 'sub'}, 'No watchlists yet.')]));
    page.alerts.replaceChildren(...alerts.alerts.map(alertItem));
    page.count.textContent = alerts.unread + ' unread of ' + alerts.total;
}

/** Shows the page in the container (once built, it is refreshed). */
export async function renderWatchlists(container) {
    if (!page || !container.contains(page.root)) {
        const unread = el('input', {type: 'checkbox', name: 'unread', onchange: () => refresh().catch(showProblem)});
        page = {
            form: el('div'), watchlists: el('ul', {class: 'watchlists'}), alerts: el('ul', {class: 'alerts', 'aria-live': 'polite'}),
            secret: el('p', {class: 'secret', hidden: true}), count: el('span', {class: 'sub'}), unread
        };
        page.root = el('div', {class: 'watch'}, page.secret, page.form,
            el('h2', {}, 'Your watchlists'), page.watchlists,
            el('h2', {}, 'Alerts ', page.count), el('label', {}, unread, ' unread only'), page.alerts);
        container.replaceChildren(page.root);
        showForm(null);
    }
    await refresh();
}

/** An alert pushed on the live feed: shown at the top of the list when the page is open. */
export function alertArrived(alert) {
    if (page) {
        const existing = page.alerts.querySelector('li[data-id="' + CSS.escape(alert.id) + '"]');
        if (!existing) {
            page.alerts.prepend(alertItem(alert));
        }
    }
}
