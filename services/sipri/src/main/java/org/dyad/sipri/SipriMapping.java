package org.dyad.sipri;

/** A row mapped to Dyad: either a deal or the reason it was rejected. */
public record SipriMapping(SipriDeal deal, String rejection) {

    public SipriMapping {
        if ((deal == null) == (rejection == null)) {
            throw new IllegalArgumentException("give either a deal or a rejection");
        }
    }

    static SipriMapping of(SipriDeal deal) {
        return new SipriMapping(deal, null);
    }

    static SipriMapping rejected(String rejection) {
        return new SipriMapping(null, rejection);
    }

    public boolean accepted() {
        return deal != null;
    }
}
