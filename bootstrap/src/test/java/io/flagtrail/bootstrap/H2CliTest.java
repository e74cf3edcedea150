package io.flagtrail.bootstrap;

import io.flagtrail.testsupport.TestDatabase;

class H2CliTest extends CliTest {

    /**
     * Every command here is a new context on the same file database in one JVM, one closing as the next opens. As
     * separate processes (real use) H2's file lock orders them; in one JVM a database still closing (flushing the
     * last commit, H2's write delay) can be opened afresh from the file and miss that commit, which once made the
     * import test read nothing back. DB_CLOSE_DELAY=-1 keeps the one database open for the whole test class.
     */
    @Override
    TestDatabase.Target database() {
        var h2 = TestDatabase.h2();
        return new TestDatabase.Target(h2.url() + ";DB_CLOSE_DELAY=-1", h2.user(), h2.password(), h2.dialect());
    }
}
