package app.duet.query.notification;

import org.springframework.data.mongodb.repository.MongoRepository;

interface NotificationReadRepository extends MongoRepository<NotificationRead, String> {
}
