package io.cloudconnector.testkit.internal;

/** Writes the small XML documents of the query protocols, escaping text. */
final class Xml {

    private final StringBuilder out = new StringBuilder(512);

    Xml open(String name) {
        out.append('<').append(name).append('>');
        return this;
    }

    Xml open(String name, String namespace) {
        out.append('<').append(name).append(" xmlns=\"").append(namespace).append("\">");
        return this;
    }

    Xml close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    /** An element holding {@code value} as text; nothing when the value is null. */
    Xml leaf(String name, Object value) {
        if (value != null) {
            out.append('<').append(name).append('>').append(escape(String.valueOf(value))).append("</")
                .append(name).append('>');
        }
        return this;
    }

    Xml empty(String name) {
        out.append('<').append(name).append("/>");
        return this;
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
