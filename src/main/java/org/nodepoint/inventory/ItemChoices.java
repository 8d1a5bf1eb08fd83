package org.nodepoint.inventory;

import java.util.List;
import org.nodepoint.projects.Product;

/** The options of the item form: types, projects and clients. */
public record ItemChoices(List<String> types, List<Product> products, List<ClientOption> clients) {
    static final ItemChoices NONE = new ItemChoices(List.of(), List.of(), List.of());
}
