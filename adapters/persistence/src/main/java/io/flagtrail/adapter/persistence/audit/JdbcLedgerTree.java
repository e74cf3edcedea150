package io.flagtrail.adapter.persistence.audit;

import io.flagtrail.adapter.persistence.Sql;
import io.flagtrail.application.port.out.LedgerTree;
import io.flagtrail.domain.ledger.MerkleFrontier.Node;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The tree's nodes in {@code ledger_tree_nodes}, keyed by (level, idx): every read is a primary-key look-up. */
@Singleton
final class JdbcLedgerTree implements LedgerTree {

    /** Proofs at any realistic size need fewer; a larger request is read in chunks of this many. */
    private static final int CHUNK = 200;

    private final Sql sql;

    JdbcLedgerTree(Sql sql) {
        this.sql = sql;
    }

    @Override
    public long size() {
        return sql.query("SELECT MAX(idx) FROM ledger_tree_nodes WHERE level = 0", List.of(),
                rs -> rs.next() && rs.getObject(1) != null ? rs.getLong(1) + 1 : 0L);
    }

    @Override
    public Map<Node, String> nodes(Collection<Node> wanted) {
        var found = new HashMap<Node, String>();
        var all = List.copyOf(wanted);
        for (int start = 0; start < all.size(); start += CHUNK) {
            var args = new ArrayList<Object>();
            var select = select(all.subList(start, Math.min(all.size(), start + CHUNK)), args);
            sql.lookUpList(select, args, rs -> found.put(new Node(rs.getInt(1), rs.getLong(2)), rs.getString(3)));
        }
        return found;
    }

    /**
     * The entry's hash rides along as a row of level -1 (no node has a negative level), in one statement: a proof
     * needs about 2·log2(size) nodes, a hundred and some at most.
     */
    @Override
    public Leaf leaf(Collection<Node> wanted, long position) {
        var args = new ArrayList<Object>();
        var select = select(wanted, args) + " UNION ALL SELECT -1, position, hash FROM audit_entries WHERE position = ?";
        args.add(position);
        return sql.lookUp(select, args, rs -> {
            var found = new HashMap<Node, String>();
            String entryHash = null;
            while (rs.next()) {
                if (rs.getInt(1) < 0) {
                    entryHash = rs.getString(3);
                } else {
                    found.put(new Node(rs.getInt(1), rs.getLong(2)), rs.getString(3));
                }
            }
            return new Leaf(found, entryHash);
        });
    }

    private static String select(Collection<Node> nodes, List<Object> args) {
        var where = new StringBuilder();
        for (var node : nodes) {
            where.append(where.isEmpty() ? "" : " OR ").append("(level = ? AND idx = ?)");
            args.add(node.level());
            args.add(node.index());
        }
        return "SELECT level, idx, hash FROM ledger_tree_nodes WHERE " + (where.isEmpty() ? "1 = 0" : where);
    }

    @Override
    public void add(Map<Node, String> nodes) {
        if (nodes.isEmpty()) {
            return;
        }
        var rows = new ArrayList<List<?>>(nodes.size());
        nodes.forEach((node, hash) -> rows.add(List.of(node.level(), node.index(), hash)));
        sql.batch("INSERT INTO ledger_tree_nodes (level, idx, hash) VALUES (?, ?, ?)", rows);
    }
}
