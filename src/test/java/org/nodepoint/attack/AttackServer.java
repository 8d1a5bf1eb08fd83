package org.nodepoint.attack;

import io.javalin.Javalin;

/**
 * A NodePoint server on a free port of 127.0.0.1 over the fixture's data folder, shared by all
 * the tests of one class, with the runner that attacks it.
 */
final class AttackServer implements AutoCloseable {
    final AttackFixture fixture;
    final AttackRunner runner;
    private final Javalin app;

    AttackServer(AttackFixture fixture) {
        this.fixture = fixture;
        this.app = fixture.node.app().start("127.0.0.1", 0);
        this.runner = new AttackRunner(fixture, origin());
    }

    String origin() {
        return "http://127.0.0.1:" + app.port();
    }

    @Override
    public void close() {
        app.stop();
        fixture.node.close();
    }
}
