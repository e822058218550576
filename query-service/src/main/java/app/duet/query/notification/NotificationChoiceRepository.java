package app.duet.query.notification;

import org.springframework.data.mongodb.repository.MongoRepository;

interface NotificationChoiceRepository extends MongoRepository<NotificationChoice, String> {
}
