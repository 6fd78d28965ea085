package org.ferric.itests;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;

/** Types commands into a Karaf console session, as an operator of the admin group does. */
final class KarafConsole {
    private KarafConsole() {
    }

    /** Runs one command (the commands are ACL-guarded, hence the admin role); returns what it printed. */
    static String run(SessionFactory sessionFactory, String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        Subject admin = new Subject();
        admin.getPrincipals().add(new RolePrincipal("admin"));
        Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), print, print);
        try {
            Subject.doAs(admin, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
        } finally {
            session.close();
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
