package org.ferric.db.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import javax.persistence.criteria.CriteriaBuilder;
import javax.persistence.criteria.CriteriaQuery;
import javax.persistence.criteria.Expression;
import javax.persistence.criteria.ParameterExpression;
import javax.persistence.criteria.Path;
import javax.persistence.criteria.Predicate;
import javax.persistence.criteria.Root;
import javax.persistence.criteria.Subquery;

import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;
import org.ferric.db.api.NotFoundException;

/**
 * One page of a list, ordered by a sort key and then by id, starting strictly after a marker row
 * (keyset pagination: the database seeks to the marker instead of skipping rows with OFFSET).
 *
 * <p>Both Derby and PostgreSQL sort NULL above every value (last ascending, first descending); the
 * marker condition follows that order, so pages neither skip nor repeat rows with a NULL key.
 *
 * <p>Values always go in as bound parameters: EclipseLink prints Criteria literals into the SQL, and
 * on Derby a boolean literal becomes {@code 1}, which Derby refuses to compare with a BOOLEAN column.
 */
final class KeysetPage<E> {
    private final EntityManager em;
    private final Class<E> type;
    private final CriteriaBuilder cb;
    private final CriteriaQuery<E> query;
    private final Root<E> root;
    private final List<Predicate> where = new ArrayList<>();
    private final Map<ParameterExpression<Object>, Object> parameters = new HashMap<>();

    KeysetPage(EntityManager em, Class<E> type) {
        this.em = em;
        this.type = type;
        this.cb = em.getCriteriaBuilder();
        this.query = cb.createQuery(type);
        this.root = query.from(type);
    }

    CriteriaBuilder cb() {
        return cb;
    }

    Root<E> root() {
        return root;
    }

    /** A bound parameter carrying {@code value}, to compare attributes with. */
    @SuppressWarnings("unchecked")
    <T> Expression<T> value(T value) {
        ParameterExpression<Object> p = cb.parameter((Class<Object>) value.getClass());
        parameters.put(p, value);
        return (Expression<T>) p;
    }

    /** A subquery of the page's query, for conditions on other tables; bind its values with {@link #value}. */
    <X> Subquery<X> subquery(Class<X> type) {
        return query.subquery(type);
    }

    KeysetPage<E> where(Predicate p) {
        where.add(p);
        return this;
    }

    /**
     * @param sortKey   an attribute of the entity, checked against {@code sortable}
     * @param markerId  the id of the last row of the previous page, or null
     * @throws IllegalArgumentException if the sort key is not sortable or the limit not positive
     * @throws NotFoundException        if there is no row with the marker id
     */
    List<E> fetch(String sortKey, Set<String> sortable, boolean ascending, Long markerId, int limit) {
        if (!sortable.contains(sortKey)) {
            throw new IllegalArgumentException("Cannot sort by '" + sortKey + "'; sort keys: " + new TreeSet<>(sortable));
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("The limit must be positive, not " + limit);
        }
        Path<Comparable<Object>> key = root.get(sortKey);
        Path<Long> id = root.get("id");
        if (markerId != null) {
            where.add(after(key, id, markerValue(sortKey, markerId), markerId, ascending, "id".equals(sortKey)));
        }
        query.select(root).where(where.toArray(Predicate[]::new));
        if ("id".equals(sortKey)) {
            query.orderBy(ascending ? cb.asc(id) : cb.desc(id));
        } else {
            query.orderBy(ascending ? List.of(cb.asc(key), cb.asc(id)) : List.of(cb.desc(key), cb.desc(id)));
        }
        // A page is only read and copied out: read-only spares EclipseLink registering every row in
        // the transaction and keeping a second copy of each to detect changes on commit.
        TypedQuery<E> typed = em.createQuery(query).setMaxResults(limit).setHint(QueryHints.READ_ONLY, HintValues.TRUE);
        parameters.forEach(typed::setParameter);
        return typed.getResultList();
    }

    private Object markerValue(String sortKey, long markerId) {
        CriteriaQuery<Object> q = cb.createQuery();
        Root<E> r = q.from(type);
        ParameterExpression<Long> id = cb.parameter(Long.class);
        q.select(r.get(sortKey)).where(cb.equal(r.get("id"), id));
        List<Object> found = em.createQuery(q).setParameter(id, markerId).getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException("Marker " + markerId + " not found");
        }
        return found.get(0);
    }

    private Predicate after(Expression<Comparable<Object>> key, Expression<Long> id, Object value, long markerId,
            boolean ascending, boolean keyIsId) {
        Expression<Long> marker = value(markerId);
        Predicate idAfter = ascending ? cb.greaterThan(id, marker) : cb.lessThan(id, marker);
        if (keyIsId) {
            return idAfter;
        }
        if (value == null) {
            return ascending
                    ? cb.and(cb.isNull(key), idAfter)
                    : cb.or(cb.isNotNull(key), cb.and(cb.isNull(key), idAfter));
        }
        @SuppressWarnings("unchecked")
        Expression<Comparable<Object>> v = value((Comparable<Object>) value);
        Predicate tie = cb.and(cb.equal(key, v), idAfter);
        return ascending
                ? cb.or(cb.greaterThan(key, v), cb.isNull(key), tie)
                : cb.or(cb.lessThan(key, v), tie);
    }
}
