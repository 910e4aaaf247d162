// The intake page: an analyst pastes a text with its source, drafts it (POST /api/v1/intake/drafts), reviews each
// proposal beside the words that support it, edits the bodies and records the accepted ones
// (POST /api/v1/intake/drafts/{id}/acceptances). The text and every value of the draft are put on the page as DOM
// text nodes and <mark> elements built by el(): a text holding markup is shown as written and never runs.
import {ApiProblem, postJson} from './api.js';
import {el} from './format.js';
import {clearProblem, showProblem} from './notices.js';

/** The fields an analyst edits most, by the JSON pointer of the body; arrays are edited as comma-separated codes. */
const EDITABLE = [
    ['/supplier', 'Supplier', 'code'], ['/recipient', 'Recipient', 'code'], ['/parties', 'Parties', 'codes'],
    ['/party', 'Party', 'code'], ['/speaker', 'Speaker', 'code'], ['/addressees', 'Addressees', 'codes'],
    ['/concerning', 'Concerning', 'codes'],
    ['/signedOn', 'Signed on', 'text'], ['/reportedOn', 'Reported on', 'text'], ['/notifiedOn', 'Notified on', 'text'],
    ['/madeOn', 'Made on', 'text'], ['/on', 'On', 'text'], ['/effectiveOn', 'Effective on', 'text'],
    ['/estimate/amount', 'Value', 'number'], ['/estimate/currency', 'Currency', 'text'],
    ['/estimate/qualifier', 'Qualifier', 'text'], ['/stage', 'Stage', 'text']
];

/** The proposals' evidence is highlighted field by field; a proposal's whole sentence is its source quote. */
const NOT_HIGHLIGHTED = new Set(['/source/quote']);

function segments(pointer) {
    return pointer.split('/').slice(1).map(s => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function valueAt(body, pointer) {
    let node = body;
    for (const key of segments(pointer)) {
        if (node === null || typeof node !== 'object' || !(key in node)) {
            return undefined;
        }
        node = node[key];
    }
    return node;
}

function setAt(body, pointer, value) {
    const keys = segments(pointer);
    let node = body;
    for (const key of keys.slice(0, -1)) {
        node = node[key];
    }
    node[keys[keys.length - 1]] = value;
}

/**
 * The text with the evidence's spans as <mark> elements: overlapping spans are joined into one mark, whose title names
 * the proposals and fields it supports.
 */
export function highlightedText(text, proposals) {
    const spans = [];
    for (const proposal of proposals || []) {
        for (const [pointer, evidence] of Object.entries(proposal.evidence || {})) {
            if (NOT_HIGHLIGHTED.has(pointer)) {
                continue;
            }
            for (const span of evidence.spans || []) {
                if (span.end > span.start) {
                    spans.push({start: span.start, end: span.end, why: proposal.id + ' ' + pointer});
                }
            }
        }
    }
    spans.sort((x, y) => x.start - y.start || y.end - x.end);
    const merged = [];
    for (const span of spans) {
        const last = merged[merged.length - 1];
        if (last && span.start < last.end) {
            last.end = Math.max(last.end, span.end);
            last.why.add(span.why);
        } else {
            merged.push({start: span.start, end: span.end, why: new Set([span.why])});
        }
    }
    const nodes = [];
    let at = 0;
    for (const span of merged) {
        nodes.push(text.substring(at, span.start));
        nodes.push(el('mark', {title: [...span.why].join('; ')}, text.substring(span.start, span.end)));
        at = span.end;
    }
    nodes.push(text.substring(at));
    return el('div', {class: 'intake-text'}, nodes.filter(n => n !== ''));
}

/** A proposal for review: its command, "record", the common fields bound to the body and the body as JSON. */
function proposalView(proposal) {
    const body = structuredClone(proposal.body);
    const record = el('input', {type: 'checkbox', name: 'record', checked: true});
    const json = el('textarea', {name: 'body', rows: 12, spellcheck: 'false', 'aria-label': 'Body of ' + proposal.id});
    json.value = JSON.stringify(body, null, 2);
    const inputs = [];

    function bodyNow() {
        return JSON.parse(json.value);
    }

    const fields = EDITABLE.filter(([pointer]) => valueAt(body, pointer) !== undefined).map(([pointer, label, type]) => {
        const current = valueAt(body, pointer);
        const input = el('input', {
            name: pointer, type: type === 'number' ? 'number' : 'text', step: type === 'number' ? 'any' : null,
            size: type === 'codes' ? 16 : 10
        });
        input.value = Array.isArray(current) ? current.join(', ') : String(current ?? '');
        input.addEventListener('change', () => {
            let edited;
            try {
                edited = bodyNow();
            } catch (e) {
                showProblem(new Error('the body of ' + proposal.id + ' is not JSON: ' + e.message));
                return;
            }
            const value = input.value.trim();
            setAt(edited, pointer, type === 'codes' ? value.split(',').map(v => v.trim()).filter(Boolean)
                : type === 'number' ? (value === '' ? null : Number(value)) : value);
            json.value = JSON.stringify(edited, null, 2);
        });
        inputs.push([pointer, input, type]);
        return el('label', {}, label, ' ', input);
    });
    json.addEventListener('change', () => {
        try {
            const edited = bodyNow();
            for (const [pointer, input] of inputs) {
                const value = valueAt(edited, pointer);
                input.value = Array.isArray(value) ? value.join(', ') : String(value ?? '');
            }
        } catch (e) {
            // the JSON is checked again when the proposals are recorded
        }
    });

    const evidence = Object.entries(proposal.evidence || {}).map(([pointer, e]) => el('li', {},
        el('code', {}, pointer), ': “', e.quote || '', '” (confidence ', Number(e.confidence).toFixed(2),
        e.rule ? ', ' + e.rule : '', ')',
        (e.alternatives || []).length ? el('span', {class: 'alternatives'}, ' — alternatives: ',
            e.alternatives.map(a => a.value + ' (' + Number(a.score).toFixed(2) + (a.reason ? ', ' + a.reason : '')
                + ')').join('; ')) : null));

    const view = el('fieldset', {class: 'proposal', dataset: {proposal: proposal.id, command: proposal.command}},
        el('legend', {}, el('label', {}, record, ' record'), ' ', el('strong', {}, proposal.id + ' ' + proposal.command),
            ' ', el('code', {}, proposal.endpoint)),
        (proposal.notes || []).length ? el('p', {class: 'notes'}, [].concat(proposal.notes).join(' ')) : null,
        el('div', {class: 'fields'}, fields),
        el('details', {}, el('summary', {}, 'Body (JSON, the authoritative edit)'), json),
        el('details', {class: 'evidence'}, el('summary', {}, 'Evidence, confidence and alternatives'),
            el('ul', {}, evidence)));
    return {proposal, view, record, json};
}

/** Where a recorded fact can be seen: the relationship page of the pair it concerns. */
function pairOf(body) {
    const actors = [body.supplier, body.recipient, ...(body.parties || []), body.party, body.speaker,
        ...(body.addressees || []), ...(body.concerning || [])].filter(Boolean);
    const distinct = [...new Set(actors)];
    return distinct.length >= 2 ? distinct.slice(0, 2) : null;
}

function recordedView(answer, reviews) {
    const bodies = new Map(reviews.map(r => [r.proposal.id, r.proposal.body]));
    const recorded = ((answer.acceptance || {}).accepted || []).map(a => {
        const pair = pairOf(a.body || bodies.get(a.proposalId) || {});
        return el('li', {dataset: {record: a.recordId}}, a.proposalId + ' → ',
            pair ? el('a', {href: '?page=relationship&a=' + encodeURIComponent(pair[0]) + '&b='
                    + encodeURIComponent(pair[1])}, a.recordId)
                : el('code', {}, a.recordId),
            a.edited ? ' (edited)' : '');
    });
    return el('div', {class: 'recorded', role: 'status'},
        el('h2', {}, 'Recorded'), el('ul', {}, recorded),
        el('p', {}, 'Rejected: ', ((answer.acceptance || {}).rejected || []).join(', ') || 'none'));
}

function draftView(draft) {
    const reviews = (draft.proposals || []).map(proposalView);
    const result = el('div', {id: 'intake-recorded'});
    const button = el('button', {type: 'button', id: 'intake-record'}, 'Record accepted');
    button.addEventListener('click', async () => {
        const accepted = [];
        const rejected = [];
        const broken = [];
        for (const review of reviews) {
            if (!review.record.checked) {
                rejected.push(review.proposal.id);
                continue;
            }
            let body;
            try {
                body = JSON.parse(review.json.value);
            } catch (e) {
                broken.push({field: 'accepted[' + accepted.length + '].body', reason: 'is not JSON: ' + e.message});
                accepted.push({proposalId: review.proposal.id});
                continue;
            }
            accepted.push(JSON.stringify(body) === JSON.stringify(review.proposal.body)
                ? {proposalId: review.proposal.id} : {proposalId: review.proposal.id, body});
        }
        if (broken.length) {
            showProblem(new ApiProblem({title: 'Not recorded', detail: 'a body is not JSON', errors: broken}));
            return;
        }
        button.disabled = true;
        try {
            const answer = await postJson('/api/v1/intake/drafts/' + encodeURIComponent(draft.id) + '/acceptances',
                {accepted, rejected});
            clearProblem();
            result.replaceChildren(recordedView(answer, reviews));
        } catch (e) {
            button.disabled = false;
            showProblem(e);
        }
    });
    return el('div', {class: 'draft', dataset: {draft: draft.id}},
        el('p', {class: 'sub'}, 'Draft ', el('code', {}, draft.id), ' · ', draft.kind || '', ' (confidence ',
            Number(draft.kindConfidence ?? 0).toFixed(2), ') · ', (draft.proposals || []).length, ' proposals'),
        el('div', {class: 'intake-review'},
            highlightedText(draft.text || '', draft.proposals),
            el('div', {class: 'proposals'}, reviews.map(r => r.view), button, result)));
}

/** The form, built once: the page is rendered again on every live event and keeps what the analyst is doing. */
export function renderIntake(container) {
    if (container.dataset.built) {
        return;
    }
    container.dataset.built = 'true';
    const review = el('div', {id: 'intake-draft'});
    const form = el('form', {id: 'intake-form', class: 'intake-form'},
        el('label', {class: 'wide'}, 'Text', el('textarea', {name: 'text', rows: 12, required: true})),
        el('div', {class: 'filters'},
            el('label', {}, 'Publisher ', el('input', {name: 'publisher', size: 20})),
            el('label', {}, 'Title ', el('input', {name: 'title', size: 30})),
            el('label', {}, 'URL ', el('input', {name: 'url', type: 'url', size: 24})),
            el('label', {}, 'Published on ', el('input', {name: 'publishedOn', type: 'date'})),
            el('label', {}, 'Language ', el('input', {name: 'language', value: 'en', size: 3})),
            el('label', {}, 'Kind ', el('select', {name: 'kind'},
                el('option', {value: ''}, 'recognise it'), el('option', {}, 'NEWS_REPORT'),
                el('option', {}, 'DSCA_NOTIFICATION'), el('option', {}, 'FEDERAL_REGISTER_TRANSMITTAL'))),
            el('button', {type: 'submit'}, 'Draft')));
    form.addEventListener('submit', async e => {
        e.preventDefault();
        const f = form.elements;
        const source = {};
        for (const name of ['publisher', 'title', 'url', 'publishedOn', 'language']) {
            if (f[name].value.trim()) {
                source[name] = f[name].value.trim();
            }
        }
        const request = {text: f.text.value, source};
        if (f.kind.value) {
            request.kind = f.kind.value;
        }
        try {
            const draft = await postJson('/api/v1/intake/drafts', request);
            clearProblem();
            review.replaceChildren(draftView(draft));
        } catch (error) {
            showProblem(error);
        }
    });
    container.replaceChildren(form, review);
}
