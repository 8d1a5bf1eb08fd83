package org.nodepoint.projects;

import java.util.List;
import org.nodepoint.web.Chrome;

public record ProductListPage(Chrome chrome, List<Product> products, boolean canCreate) {
}
