package org.nodepoint.projects;

/** The fields of the product create and edit forms; firstRelease is used on create only. */
public record ProductForm(String name, String model, String description, String visibility, String firstRelease) {
    public static ProductForm blank() {
        return new ProductForm("", "", "", ProductVisibility.PUBLIC.label(), "1.0");
    }

    public static ProductForm of(Product product) {
        return new ProductForm(product.name(), product.model(), product.description(), product.visibility(), "");
    }
}
