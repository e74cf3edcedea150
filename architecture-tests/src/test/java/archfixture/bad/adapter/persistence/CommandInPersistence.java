package archfixture.bad.adapter.persistence;

/** Breaks "picocli commands live only in adapter.cli". */
@picocli.CommandLine.Command(name = "nope")
public class CommandInPersistence {
}
