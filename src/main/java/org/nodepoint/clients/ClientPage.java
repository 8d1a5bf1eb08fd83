package org.nodepoint.clients;

import java.util.List;
import org.nodepoint.billing.BillingStatement;
import org.nodepoint.billing.BillingType;
import org.nodepoint.billing.TermsForm;
import org.nodepoint.errors.FieldErrors;
import org.nodepoint.web.Chrome;
import org.nodepoint.web.Paging;

/**
 * A client's page: details, the CRM events with the form that adds one, the billing statement
 * with the terms form, and the inventory items. {@code events} is null for viewers below the
 * events level, {@code billing} while billing is off, and {@code items} while inventory is off.
 */
public record ClientPage(Chrome chrome, Client client, boolean canManage, EventList events, Paging eventPaging, EventForm eventForm,
        FieldErrors eventErrors, BillingStatement billing, Paging billingPaging, boolean canEditTerms, TermsForm termsForm, FieldErrors termsErrors,
        ClientService.ClientItems items) {

    public List<EventType> eventTypes() {
        return EventType.all();
    }

    public List<BillingType> billingTypes() {
        return BillingType.all();
    }
}
