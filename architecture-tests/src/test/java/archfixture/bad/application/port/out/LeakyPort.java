package archfixture.bad.application.port.out;

import archfixture.bad.application.port.in.SomeCommand;

/** Breaks "driven ports never depend on driving-port types": it takes a command. */
public interface LeakyPort {
    void store(SomeCommand command);
}
