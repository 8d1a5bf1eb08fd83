package org.nodepoint.legacyapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nodepoint.errors.ConflictException;
import org.nodepoint.errors.NotFoundException;
import org.nodepoint.errors.ValidationException;
import org.nodepoint.projects.AutoAssignees;
import org.nodepoint.projects.Product;
import org.nodepoint.projects.ProductService;
import org.nodepoint.projects.Release;
import org.nodepoint.users.Viewer;

/** API calls on products: list_products and add_release. */
final class ProductCalls {
    private final LegacyApi api;
    private final ProductService products;
    private final AutoAssignees autoAssignees;

    ProductCalls(LegacyApi api, ProductService products, AutoAssignees autoAssignees) {
        this.api = api;
        this.products = products;
        this.autoAssignees = autoAssignees;
    }

    void register(Map<String, LegacyApi.Call> calls) {
        calls.put("list_products", this::listProducts);
        calls.put("add_release", this::addRelease);
    }

    private LegacyJson listProducts(ApiRequest request) {
        api.checkReadKey(request);
        List<Product> all = products.listAll();
        Map<Long, List<Release>> releases = products.releasesOf(all.stream().map(Product::id).toList());
        Map<Long, List<String>> autoAssigned = autoAssignees.namesByProduct(all.stream().map(Product::id).toList());
        List<List<LegacyJson.Field>> items = new ArrayList<>();
        for (Product product : all) {
            List<List<LegacyJson.Field>> releaseItems = releases.getOrDefault(product.id(), List.of()).stream()
                    .map(release -> LegacyJson.object("user", release.createdByName(), "version", release.version(), "note", release.notes()))
                    .toList();
            List<List<LegacyJson.Field>> autoAssignItems = autoAssigned.getOrDefault(product.id(), List.of()).stream()
                    .map(name -> LegacyJson.object("user", name))
                    .toList();
            items.add(LegacyJson.object(
                    "id", String.valueOf(product.id()),
                    "name", product.name(),
                    "model", product.model(),
                    "description", product.description().replace("\r", ""),
                    "visibility", product.visibility(),
                    "created", LegacyApi.ctime(product.createdAt()),
                    "modified", LegacyApi.ctimeOrNever(product.updatedAt()),
                    "auto_assign", autoAssignItems,
                    "releases", releaseItems));
        }
        return LegacyJson.envelope("Products list.", "OK").put("products", items);
    }

    private LegacyJson addRelease(ApiRequest request) {
        String version = request.required("release_id").strip();
        long productId = request.requiredId("product_id");
        String notes = request.required("notes");
        api.checkWriteKey(request);
        // A release_id of only spaces passes the presence check but strips to nothing.
        if (version.isEmpty() || version.length() > ProductService.MAX_VERSION_LENGTH) {
            throw badVersionLength();
        }
        if (notes.length() > ProductService.MAX_NOTES_LENGTH) {
            throw badNotesLength();
        }
        Viewer actor = api.apiActor();
        try {
            Release release = products.addRelease(actor, productId, version, notes);
            api.logWrite("add_release", actor, request, "release " + release.id() + " of product " + productId);
        } catch (NotFoundException missing) {
            throw ApiError.invalidProduct();
        } catch (ConflictException duplicate) {
            throw ApiError.invalid("release_id");
        } catch (ValidationException invalid) {
            // The service cleans the text before its own length check, so a release_id of control
            // characters or zero-width spaces passes the check above but is empty there.
            throw invalid.errors().asMap().containsKey("version") ? badVersionLength() : badNotesLength();
        }
        return LegacyJson.envelope("Release added.", "OK");
    }

    private static ApiError badVersionLength() {
        return ApiError.badLength("release_id", "between 1 and " + ProductService.MAX_VERSION_LENGTH + " characters");
    }

    private static ApiError badNotesLength() {
        return ApiError.badLength("notes", "at most " + ProductService.MAX_NOTES_LENGTH + " characters");
    }
}
