package io.gangproof.cli;

import io.gangproof.check.PropertyResult;
import io.gangproof.check.SpecReport;
import io.gangproof.spec.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code check --junit-xml FILE}: the verdicts in the JUnit XML format that CI systems read.
 * One test suite per spec, one test case per property: {@code VIOLATED} is a failure,
 * {@code UNKNOWN} is skipped with its reason, {@code PROVED} and {@code HOLDS-UP-TO} pass.
 */
final class JunitXmlReport {
    private JunitXmlReport() {
    }

    /** The XML document; written by the caller with {@code OutputFiles}, atomically. */
    static String render(List<SpecReport> reports) {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("testsuites");
            for (SpecReport r : reports) {
                x.writeStartElement("testsuite");
                x.writeAttribute("name", r.path());
                x.writeAttribute("tests", String.valueOf(r.results().size()));
                x.writeAttribute("failures", String.valueOf(r.count(Verdict.VIOLATED)));
                x.writeAttribute("skipped", String.valueOf(r.count(Verdict.UNKNOWN)));
                x.writeAttribute("errors", "0");
                x.writeAttribute("time", seconds(r.results().stream().mapToDouble(PropertyResult::seconds).sum()));
                for (PropertyResult p : r.results()) {
                    x.writeStartElement("testcase");
                    x.writeAttribute("classname", r.spec().name());
                    x.writeAttribute("name", p.description());
                    x.writeAttribute("time", seconds(p.seconds()));
                    String detail = p.verdict().label() + " (" + p.engine() + "): " + p.reason().orElse("")
                            + p.trace().map(t -> "; trace " + t).orElse("");
                    if (p.verdict() == Verdict.VIOLATED) {
                        x.writeStartElement("failure");
                        x.writeAttribute("message", detail);
                        x.writeAttribute("type", "VIOLATED");
                        x.writeEndElement();
                    } else if (p.verdict() == Verdict.UNKNOWN) {
                        x.writeStartElement("skipped");
                        x.writeAttribute("message", detail);
                        x.writeEndElement();
                    } else {
                        x.writeStartElement("system-out");
                        x.writeCharacters(detail);
                        x.writeEndElement();
                    }
                    x.writeEndElement();
                }
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot render the JUnit XML: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }
}
