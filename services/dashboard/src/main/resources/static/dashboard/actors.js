// Choosing an actor by name: type-ahead over GET /api/v1/actors?q= (names, SIPRI spellings, demonyms, codes, ranked
// best first), and the resolution of what a reader typed or a URL holds to a code. An unknown code or name is an
// error that names it, never an empty page.
import {ApiProblem, getJson} from './api.js';
import {actorLabel, el, rememberActors} from './format.js';

let actorList = null;

/** Every actor (GET /api/v1/actors), fetched once per sign-in; also what names codes across the pages. */
export function loadActorList() {
    if (!actorList) {
        actorList = getJson('/api/v1/actors').then(list => {
            rememberActors(list);
            return list;
        });
        actorList.catch(() => {
            actorList = null;
        });
    }
    return actorList;
}

export function forgetActorList() {
    actorList = null;
}

/** The refusal shown for a code or name no actor has: a problem naming the field and what was asked for. */
export function unknownActor(field, text) {
    return new ApiProblem({
        title: 'Unknown actor', status: 404,
        detail: 'No actor is known as "' + text + '".',
        errors: [{field, reason: 'no actor has the code or name "' + text + '"'}]
    });
}

/** A code that a URL holds, checked: the list first, then the API (an actor recorded since the list was read). */
export async function requireActorCode(code, field) {
    if (!code) {
        return code;
    }
    const list = await loadActorList();
    if (list.some(a => a.code === code)) {
        return code;
    }
    try {
        return (await getJson('/api/v1/actors/' + encodeURIComponent(code))).code;
    } catch (e) {
        if (e instanceof ApiProblem) {
            throw unknownActor(field, code);
        }
        throw e;
    }
}

/**
 * What a reader typed, as an actor code: "China (CHN)" as chosen from the suggestions, a code ("chn"), a name or
 * alias ("China"), else the API's best match for the text; '' for nothing typed.
 */
export async function resolveActor(typed, field) {
    const text = (typed || '').trim();
    if (!text) {
        return '';
    }
    const list = await loadActorList();
    const byCode = new Map(list.map(a => [a.code, a]));
    const chosen = text.match(/\(([^()\s]+)\)$/) || text.match(/^([^\s—]+) —/);
    if (chosen && byCode.has(chosen[1].toUpperCase())) {
        return chosen[1].toUpperCase();
    }
    if (byCode.has(text.toUpperCase())) {
        return text.toUpperCase();
    }
    const lower = text.toLowerCase();
    const named = list.find(a => a.name.toLowerCase() === lower
        || (a.aliases || []).some(alias => alias.toLowerCase() === lower));
    if (named) {
        return named.code;
    }
    const found = await getJson('/api/v1/actors', {q: text, limit: 5});
    if (found.length) {
        return found[0].code;
    }
    throw unknownActor(field, text);
}

/** Shows a code in an actor field as a reader reads it ("China (CHN)"). */
export function showActorIn(input, code) {
    input.value = code ? actorLabel(code) : '';
}

/** Fills an actor field's suggestions from the API as the reader types (the first match is the best). */
export function typeAhead(input) {
    if (input.dataset.typeAhead) {
        return;
    }
    input.dataset.typeAhead = 'on';
    const list = el('datalist', {id: (input.id || input.form.id + '-' + input.name) + '-suggestions'});
    input.after(list);
    input.setAttribute('list', list.id);
    input.setAttribute('autocomplete', 'off');
    let timer = null;
    let asked = 0;
    input.addEventListener('input', () => {
        clearTimeout(timer);
        const text = input.value.trim();
        if (text.length < 2 || /\([^()\s]+\)$/.test(text)) {
            return;
        }
        timer = setTimeout(async () => {
            const question = ++asked;
            try {
                const found = await getJson('/api/v1/actors', {q: text, limit: 12});
                if (question === asked) {
                    list.replaceChildren(...found.map(a => el('option', {
                        value: a.name + ' (' + a.code + ')',
                        label: [a.matched && a.matched !== a.name ? a.matched : null,
                            a.historical ? 'historical' : null].filter(Boolean).join(' · ') || null
                    })));
                }
            } catch (e) {
                // suggestions only help typing; the field still resolves what is typed when it is submitted
            }
        }, 150);
    });
}
