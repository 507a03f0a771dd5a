package io.datamesh.scale;

/**
 * The size of a generated mesh: {@code producers} domains of {@code tables} data products with
 * {@code columns} columns each, and {@code consumers} consumer domains; {@code seed} fixes every
 * random choice, so one shape and seed always give the same files.
 */
public record MeshShape(int producers, int tables, int columns, int consumers, long seed) {
    public MeshShape {
        if (producers < 1 || tables < 1 || columns < 2 || consumers < 0) {
            throw new IllegalArgumentException("a mesh needs ≥ 1 producer, ≥ 1 table, ≥ 2 columns (an id and a"
                    + " personal one) and ≥ 0 consumers; got " + producers + " × " + tables + " × " + columns
                    + ", " + consumers + " consumer(s)");
        }
    }

    public MeshShape withTables(int tables) {
        return new MeshShape(producers, tables, columns, consumers, seed);
    }

    public MeshShape withConsumers(int consumers) {
        return new MeshShape(producers, tables, columns, consumers, seed);
    }

    @Override
    public String toString() {
        return producers + " domains × " + tables + " tables × " + columns + " columns, " + consumers + " consumers";
    }
}
