package org.nodepoint.billing;

/** Billing terms as typed into the client page's form, before they are checked. */
public record TermsForm(String type, String rate, String currency) {
    public static TermsForm of(BillingTerms terms) {
        return new TermsForm(terms.type().key(), terms.rate(), terms.currency());
    }
}
